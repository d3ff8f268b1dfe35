#include "transferstatus.h"

namespace mp2p {

QString transferStateName(TransferState state)
{
    switch (state) {
    case TransferState::Checking:
        return QStringLiteral("checking");
    case TransferState::Downloading:
        return QStringLiteral("downloading");
    case TransferState::Seeding:
        return QStringLiteral("seeding");
    case TransferState::Paused:
        return QStringLiteral("paused");
    case TransferState::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

} // namespace mp2p

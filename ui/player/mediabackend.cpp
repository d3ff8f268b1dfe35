#include "mediabackend.h"

#include <QByteArray>

namespace mp2p {

void preferSelfContainedMediaBackend()
{
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", QByteArrayLiteral("ffmpeg"));
}

} // namespace mp2p

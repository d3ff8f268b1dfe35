#include "creditview.h"

#include <protocol/keys.h>

#include <QLoggingCategory>

#include <bit>

namespace mp2p {

namespace {
Q_LOGGING_CATEGORY(lcUmsCredit, "mp2p.ums.credit")
}

int reputationFromCredit(qint64 creditBytes)
{
    constexpr qint64 MiB = qint64(1) << 20;
    if (creditBytes < MiB)
        return 0;
    // 1 + floor(log2(MiB credited)): the bit width of the whole MiB count.
    return int(std::bit_width(quint64(creditBytes / MiB)));
}

LocalCreditView::LocalCreditView(Lookup lookup)
    : m_lookup(std::move(lookup))
{
}

std::optional<qint64> LocalCreditView::creditOf(const QString &userId) const
{
    if (!m_lookup || !isValidUserId(userId))
        return std::nullopt;
    QString error;
    const auto credit = m_lookup(userId, &error);
    if (!error.isEmpty()) {
        qCWarning(lcUmsCredit) << "reading the credit of" << userId << "failed:" << error;
        return std::nullopt;
    }
    return credit;
}

} // namespace mp2p

#include "receiptexchange.h"

#include <QDateTime>
#include <QMutexLocker>

namespace mp2p {

ReceiptExchange::ReceiptExchange() = default;

void ReceiptExchange::setIdentity(const KeyPair &key, PeerType role)
{
    QMutexLocker lock(&m_mutex);
    m_key = key;
    m_userId = userIdForPublicKey(key.publicKey());
    m_role = role;
}

bool ReceiptExchange::hasIdentity() const
{
    QMutexLocker lock(&m_mutex);
    return m_key.has_value();
}

ReceiptHello ReceiptExchange::ownHello() const
{
    QMutexLocker lock(&m_mutex);
    return m_key ? ReceiptHello{m_userId, m_key->publicKey(), m_role, receiptwire::LocalMessageId} : ReceiptHello{};
}

QString ReceiptExchange::ownUserId() const
{
    QMutexLocker lock(&m_mutex);
    return m_userId;
}

void ReceiptExchange::setAttribution(AttributionHook hook)
{
    QMutexLocker lock(&m_mutex);
    m_attribution = std::move(hook);
}

bool ReceiptExchange::hasAttribution() const
{
    QMutexLocker lock(&m_mutex);
    return bool(m_attribution);
}

std::optional<UploaderAttribution> ReceiptExchange::relayAttribution(const QHostAddress &remote, quint16 port,
                                                                     const ReceiptHello &hello) const
{
    AttributionHook hook;
    {
        QMutexLocker lock(&m_mutex);
        hook = m_attribution;
    }
    auto relay = hook ? hook(remote, port, hello) : std::nullopt;
    if (relay)
        relay->role = PeerType::RelayServer;  // whatever the hook said: these are relay receipts
    return relay;
}

QString ReceiptExchange::issuedKey(const QString &uploaderId, const QString &overlayId, bool relay)
{
    return uploaderId + QLatin1Char('|') + overlayId + (relay ? QLatin1String("|RS") : QLatin1String(""));
}

void ReceiptExchange::rememberUnattributed(const QHostAddress &remote, quint16 port, const QString &overlayId,
                                           const ReceiptHello &hello, qint64 bytes, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    while (!m_unattributed.isEmpty()
           && (m_unattributed.size() >= MaxUnattributed || nowMs - m_unattributed.first().closedAtMs > LateAttributionMs))
        m_unattributed.removeFirst();
    m_unattributed.append({remote, port, overlayId, hello, bytes, nowMs});
}

QStringList ReceiptExchange::overlaysAwaitingAttribution(qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (const Unattributed &u : m_unattributed)
        if (nowMs - u.closedAtMs <= LateAttributionMs && !out.contains(u.overlayId))
            out.append(u.overlayId);
    return out;
}

int ReceiptExchange::attributeLate(qint64 nowMs)
{
    QList<Unattributed> waiting;
    {
        QMutexLocker lock(&m_mutex);
        waiting.swap(m_unattributed);
    }
    QList<Unattributed> keep;
    int credited = 0;
    for (const Unattributed &u : std::as_const(waiting)) {
        if (nowMs - u.closedAtMs > LateAttributionMs)
            continue;
        const auto relay = relayAttribution(u.remote, u.port, u.hello);
        if (!relay || relay->userId == u.hello.userId) {
            keep.append(u);
            continue;
        }
        addReceived(*relay, u.overlayId, u.bytes);
        if (const auto receipt = signIfDue(*relay, u.overlayId, nowMs, true))
            deliverToRelay(*receipt);
        ++credited;
    }
    QMutexLocker lock(&m_mutex);
    m_unattributed = keep + m_unattributed;  // what closed meanwhile stays after the older ones
    return credited;
}

void ReceiptExchange::overlayOpened(const QString &overlayId)
{
    QMutexLocker lock(&m_mutex);
    ++m_overlays[overlayId].torrents;
}

void ReceiptExchange::overlayClosed(const QString &overlayId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_overlays.find(overlayId);
    if (it != m_overlays.end() && --it->torrents <= 0)
        m_overlays.erase(it);
}

void ReceiptExchange::setOverlayComplete(const QString &overlayId, bool complete)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_overlays.find(overlayId);
    if (it != m_overlays.end())
        it->complete = complete;
}

QStringList ReceiptExchange::activeOverlays() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (auto it = m_overlays.cbegin(); it != m_overlays.cend(); ++it) {
        if (!it->complete)
            out.append(it.key());
    }
    return out;
}

void ReceiptExchange::setRelaySink(std::function<void(const Receipt &)> sink)
{
    QMutexLocker lock(&m_mutex);
    m_relaySink = std::move(sink);
}

void ReceiptExchange::setNotify(std::function<void()> notify)
{
    QMutexLocker lock(&m_mutex);
    m_notify = std::move(notify);
}

void ReceiptExchange::notify()
{
    std::function<void()> fn;
    {
        QMutexLocker lock(&m_mutex);
        fn = m_notify;
    }
    if (fn)
        fn();
}

void ReceiptExchange::restoreIssued(const QList<IssuedState> &states)
{
    QMutexLocker lock(&m_mutex);
    for (IssuedState s : states) {
        s.bytesReceived = qMax(s.bytesReceived, s.bytesSigned);
        m_issued.insert(issuedKey(s.uploaderId, s.overlayId, s.relay), s);
    }
}

void ReceiptExchange::addReceived(const UploaderAttribution &uploader, const QString &overlayId, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    const bool relay = uploader.role == PeerType::RelayServer;
    IssuedState &s = m_issued[issuedKey(uploader.userId, overlayId, relay)];
    s.uploaderId = uploader.userId;
    s.overlayId = overlayId;
    s.relay = relay;
    s.bytesReceived = qMin(s.bytesReceived + bytes, receipt::MaxInteger);
}

std::optional<Receipt> ReceiptExchange::signIfDue(const UploaderAttribution &uploader, const QString &overlayId,
                                                  qint64 nowMs, bool force)
{
    std::optional<Receipt> out;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_issued.find(issuedKey(uploader.userId, overlayId, uploader.role == PeerType::RelayServer));
        if (!m_key || it == m_issued.end() || uploader.userId == m_userId)
            return std::nullopt;
        IssuedState &s = *it;
        const qint64 unsigned_ = s.bytesReceived - s.bytesSigned;
        if (unsigned_ <= 0 || (!force && unsigned_ < SignEveryBytes && nowMs - s.signedAtMs < SignEveryMs))
            return std::nullopt;
        ReceiptFields f;
        f.overlayId = overlayId;
        f.uploaderId = uploader.userId;
        f.uploaderRole = uploader.role;
        // Milliseconds as a floor keep the sequence increasing even when the persisted state
        // lags behind what was sent before a crash.
        f.sequence = qMax(s.sequence + 1, nowMs);
        f.bytes = s.bytesReceived;
        f.time = nowMs / 1000;
        out = signReceipt(*m_key, f);
        s.sequence = f.sequence;
        s.bytesSigned = f.bytes;
        s.signedAtMs = nowMs;
        m_issuedChanged.insert(it.key(), s);
    }
    m_live.sent.fetch_add(1);
    notify();
    return out;
}

void ReceiptExchange::deliverToRelay(const Receipt &receipt)
{
    std::function<void(const Receipt &)> sink;
    {
        QMutexLocker lock(&m_mutex);
        sink = m_relaySink;
        m_relayOutbox.append(receipt);
    }
    if (sink)
        sink(receipt);
    notify();
}

void ReceiptExchange::restoreAccepted(const QList<Receipt> &latest)
{
    QMutexLocker lock(&m_mutex);
    for (const Receipt &r : latest)
        m_accepted.insert({r.fields.downloaderId, r.fields.overlayId}, {r.fields.sequence, r.fields.bytes});
}

bool ReceiptExchange::acceptIncoming(const Receipt &r, const QString &overlayId, const ReceiptHello &remote)
{
    const ReceiptFields &f = r.fields;
    {
        QMutexLocker lock(&m_mutex);
        // Only receipts that credit us, for this overlay, signed by the peer on this connection.
        if (f.uploaderId != m_userId || f.uploaderRole != m_role || f.overlayId != overlayId
            || f.downloaderId != remote.userId) {
            m_live.wrongParty.fetch_add(1);
            return false;
        }
    }
    if (!isValidReceipt(r)) {
        m_live.badSignature.fetch_add(1);
        return false;
    }
    {
        QMutexLocker lock(&m_mutex);
        auto &last = m_accepted[{f.downloaderId, f.overlayId}];
        if (f.sequence <= last.first || f.bytes < last.second) {
            m_live.notMonotonic.fetch_add(1);
            return false;
        }
        last = {f.sequence, f.bytes};
        m_inbox.append(r);
    }
    m_live.accepted.fetch_add(1);
    notify();
    return true;
}

QList<Receipt> ReceiptExchange::takeInbox()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_inbox, {});
}

QList<Receipt> ReceiptExchange::takeRelayOutbox()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_relayOutbox, {});
}

QList<IssuedState> ReceiptExchange::takeIssuedChanges()
{
    QMutexLocker lock(&m_mutex);
    QList<IssuedState> out = m_issuedChanged.values();
    m_issuedChanged.clear();
    return out;
}

ReceiptCounters ReceiptExchange::counters() const
{
    const Live &l = m_live;
    return {l.sent.load(),       l.received.load(),     l.accepted.load(),    l.malformed.load(),
            l.oversized.load(),  l.badSignature.load(), l.wrongParty.load(),  l.notMonotonic.load(),
            l.rateLimited.load(), l.unsolicited.load(),  l.badHandshake.load()};
}

} // namespace mp2p

#include "publisher.h"

namespace mp2p {

ManagedPeerPublisher::ManagedPeerPublisher(ManagedPeer *peer, QObject *parent)
    : Publisher(parent)
    , m_peer(peer)
{
    connect(peer, &ManagedPeer::published, this, [this](const QString &contentId, const QString &infoHash) {
        if (m_pending == 0)
            return;
        --m_pending;
        Q_EMIT published(contentId, infoHash);
    });
    connect(peer, &ManagedPeer::operationFailed, this, [this](const QString &problem) {
        if (m_pending == 0)
            return;  // a download's failure, not ours
        --m_pending;
        Q_EMIT failed(problem);
    });
}

void ManagedPeerPublisher::publish(const PublishRequest &request)
{
    if (!m_peer) {
        Q_EMIT failed(tr("The peer has stopped; restart mp2p and try again."));
        return;
    }
    ++m_pending;
    m_peer->publish(request);  // returns at once; the result comes as a signal
}

} // namespace mp2p

// The details pane's Overlay tab and the user/region column of its Peers tab: what the OMS
// says about the selected transfer's overlay. Asked asynchronously through the PeerSession
// (the GUI thread never waits); answers about a transfer no longer selected are dropped.
#include "detailspane.h"

#include <models/peerlistmodel.h>
#include <user/session/peersession.h>

#include <QDateTime>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>

namespace mp2p {

void DetailsPane::refreshOverlay()
{
    if (!m_session || !m_session->isReady() || m_infoHash.isEmpty())
        return;
    const quint64 serial = m_overlaySerial;
    QPointer<DetailsPane> self(this);
    // The transfers of this app all live in the provider's overlays: its OMS answers.
    m_session->queryOverlay(QString(), m_infoHash, [self, serial](const JsonReply &reply) {
        if (!self || serial != self->m_overlaySerial)
            return;
        QLabel *swarm = self->m_fields.value(QStringLiteral("overlaySwarm"));
        if (reply.status == 404)
            swarm->setText(tr("The OMS does not know this overlay (a transfer added outside the managed service)."));
        else if (!reply.ok())
            swarm->setText(tr("The OMS could not be asked: %1").arg(reply.problem));
        else
            swarm->setText(tr("%1 seeds, %2 leechers")
                               .arg(reply.body.value(QStringLiteral("seeds")).toInt())
                               .arg(reply.body.value(QStringLiteral("leechers")).toInt()));
        self->m_fields.value(QStringLiteral("overlayUpdated"))
            ->setText(QLocale().toString(QDateTime::currentDateTime().time(), QLocale::LongFormat));
    });
    m_session->queryOverlayPeers(QString(), m_infoHash, [self, serial](const JsonReply &reply) {
        if (!self || serial != self->m_overlaySerial || !reply.ok())
            return;
        QHash<QString, PeerListModel::OverlayPeer> byAddress;
        const QJsonArray peers = reply.body.value(QStringLiteral("peers")).toArray();
        for (const QJsonValue &v : peers) {
            const QJsonObject o = v.toObject();
            const QString ip = o.value(QStringLiteral("ip")).toString();
            const int port = o.value(QStringLiteral("port")).toInt();
            if (ip.isEmpty())
                continue;
            PeerListModel::OverlayPeer peer;
            peer.userId = o.value(QStringLiteral("userId")).toString();
            // Not every OMS names the ALTO PID in its peer list; show it when it does.
            peer.region = o.value(QStringLiteral("region")).toString(o.value(QStringLiteral("pid")).toString());
            peer.seed = o.value(QStringLiteral("seed")).toBool();
            const QString key = ip.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(ip).arg(port)
                                                              : QStringLiteral("%1:%2").arg(ip).arg(port);
            byAddress.insert(key, peer);
        }
        self->m_peers->setOverlayPeers(byAddress);
        self->m_fields.value(QStringLiteral("overlayPeers"))
            ->setText(tr("%n peer(s) besides you", nullptr, int(peers.size())));
    });
}

} // namespace mp2p

#pragma once

#include <user/engine/peerengine.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

namespace mp2p {

// The connected peers of one transfer: address, client, the user and ISP region the overlay
// names for that address (when known), rates, progress, and how the connection runs (direct
// or through a relay, which side dialled). Rows are keyed by address, so a refresh updates
// them in place.
class PeerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Address, Client, User, Region, DownRate, UpRate, Progress, Connection, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, RelayedRole };

    // What the overlay (OMS) says about a peer address.
    struct OverlayPeer {
        QString userId;
        QString region;  // ISP region / ALTO PID, when the overlay or directory names one
        bool seed = false;
    };

    explicit PeerListModel(QObject *parent = nullptr);

    void setEngine(PeerEngine *engine);
    void setInfoHash(const QString &infoHash);
    QString infoHash() const { return m_infoHash; }
    void refresh();
    void setPeers(const QList<PeerDetails> &peers);
    // Keyed by "ip:port" as the overlay lists it; a peer that dialled us from another port is
    // matched by its IP when only one overlay entry has that IP.
    void setOverlayPeers(const QHash<QString, OverlayPeer> &byAddress);
    const PeerDetails *peerAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    OverlayPeer overlayOf(const PeerDetails &p) const;
    QString connectionText(const PeerDetails &p) const;

    QPointer<PeerEngine> m_engine;
    QString m_infoHash;
    QList<PeerDetails> m_peers;
    QHash<QString, OverlayPeer> m_overlay;
};

} // namespace mp2p

#pragma once

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace mp2p {

class CacheRole;
class ConsentStore;
class ManagedPeer;
struct PeerConfig;
class RelayRole;
class VolunteerController;

// What a running peer (`mp2p daemon`/`seed`, the desktop app) needs to volunteer: consent.db in
// its data folder, the VolunteerController, and the real roles behind it — a cache node with
// its own identity and transfers under <data dir>/cache-node, and a relay server on the peer's
// address. Nothing starts until the user consents (`mp2p volunteer`, the desktop's dialog);
// a consent or revocation written by another process is picked up within a second.
class VolunteerHost : public QObject {
    Q_OBJECT
public:
    // `config` is the one `peer` was made with (its data folder, provider, listen address).
    VolunteerHost(const PeerConfig &config, ManagedPeer *peer, QNetworkAccessManager *network,
                  QObject *parent = nullptr);
    ~VolunteerHost() override;

    bool start(QString *error);

    ConsentStore *consentStore() const { return m_store.get(); }
    VolunteerController *controller() const { return m_controller.get(); }
    CacheRole *cacheRole() const { return m_cache.get(); }
    RelayRole *relayRole() const { return m_relay.get(); }

Q_SIGNALS:
    void message(const QString &text);  // role started / stopped / failed, for the UI or the CLI

private:
    bool loadRelaySecret(QByteArray *secret, QString *error) const;
    bool shareIdentityWithCache(QString *error) const;

    QString m_dataDir;
    ManagedPeer *m_peer;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ConsentStore> m_store;
    std::unique_ptr<VolunteerController> m_controller;
    std::unique_ptr<CacheRole> m_cache;
    std::unique_ptr<RelayRole> m_relay;
};

} // namespace mp2p

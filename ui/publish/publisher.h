#pragma once

#include <user/managedpeer.h>

#include <QObject>
#include <QPointer>

namespace mp2p {

// What the publish wizard needs from the core: start one publication, hear how it ended.
// The app uses ManagedPeerPublisher; tests use a fake.
class Publisher : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void publish(const PublishRequest &request) = 0;

Q_SIGNALS:
    void published(const QString &contentId, const QString &infoHash);
    void failed(const QString &problem);
};

// Publishes through a ManagedPeer (hashing runs on its thread pool, then OMP create, OCMP
// register, seeding). ManagedPeer reports every operation's failure on one signal, so only
// the signals that arrive while a publication is pending are passed on.
class ManagedPeerPublisher : public Publisher {
    Q_OBJECT
public:
    explicit ManagedPeerPublisher(ManagedPeer *peer, QObject *parent = nullptr);
    void publish(const PublishRequest &request) override;

private:
    QPointer<ManagedPeer> m_peer;
    int m_pending = 0;
};

} // namespace mp2p

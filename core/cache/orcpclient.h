#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace mp2p {

class ProviderClient;

// The ORCP (R8, X.609.2) client side of one resource, shared by the Cache Server (CacheNode,
// dedicated or volunteer) and the volunteer Relay Server (RelayRole): register
// (POST /oms/v1/resources with the body `registration()` builds) → keep-alive every keepAliveSecs
// the OMS names → register again when the OMS forgot it (404) → deregister (DELETE) on stop(), so
// the OMS stops listing it at once. A failed registration is retried every 2 s. Every reply
// (registration and keep-alive, both only for the owner) reaches the user through updated().
class OrcpClient : public QObject {
    Q_OBJECT
public:
    // `what` names the resource in messages ("cache", "relay").
    explicit OrcpClient(QString what, QObject *parent = nullptr);

    void setProvider(ProviderClient *provider);
    void setRegistration(std::function<QJsonObject()> registration) { m_registration = std::move(registration); }

    // Registers now (again, with a fresh body, when already registered: same id, e.g. new limits).
    void start();
    // Stops the keep-alives and deregisters; stopped() follows once the OMS was told (or could not be).
    void stop();
    bool isActive() const { return m_active; }
    QString resourceId() const { return m_resourceId; }

Q_SIGNALS:
    void registered(const QString &resourceId, bool first);
    void updated(const QJsonObject &resource);   // a registration or keep-alive reply
    void problem(const QString &message);
    void stopped();

private:
    void registerNow();
    void sendKeepAlive();

    QString m_what;
    QPointer<ProviderClient> m_provider;
    std::function<QJsonObject()> m_registration;
    QTimer m_keepAlive;
    QString m_resourceId;
    bool m_active = false;
    bool m_registering = false;
    bool m_again = false;   // start() while a registration was in flight: send one more
};

} // namespace mp2p

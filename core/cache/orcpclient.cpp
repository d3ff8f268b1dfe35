#include "orcpclient.h"

#include <user/provider/providerclient.h>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOrcpClient, "mp2p.orcp")

namespace mp2p {

namespace {
constexpr int RetryMs = 2000;
}

OrcpClient::OrcpClient(QString what, QObject *parent)
    : QObject(parent)
    , m_what(std::move(what))
{
    connect(&m_keepAlive, &QTimer::timeout, this, &OrcpClient::sendKeepAlive);
}

void OrcpClient::setProvider(ProviderClient *provider)
{
    m_provider = provider;
}

void OrcpClient::start()
{
    m_active = true;
    if (m_registering)
        m_again = true;
    else
        registerNow();
}

void OrcpClient::registerNow()
{
    if (!m_active || !m_provider || !m_registration || m_registering)
        return;
    m_registering = true;
    m_again = false;
    // The owner may be gone when a reply lands (a role deleted right after stop()).
    const QPointer<OrcpClient> guard(this);
    m_provider->call("POST", QStringLiteral("oms"), QStringLiteral("/oms/v1/resources"), m_registration(),
                     [this, guard](const JsonReply &r) {
        if (!guard)
            return;
        m_registering = false;
        if (!m_active) {
            // Stopped while this was in flight: take the registration back at once.
            const QString late = r.body.value(QStringLiteral("resourceId")).toString();
            if (r.ok() && !late.isEmpty() && m_provider)
                m_provider->call("DELETE", QStringLiteral("oms"), QStringLiteral("/oms/v1/resources/%1").arg(late),
                                 QJsonObject{}, [](const JsonReply &) {});
            return;
        }
        if (!r.ok()) {
            const QString message = QStringLiteral("the OMS did not register this %1 (%2); retrying").arg(m_what, r.problem);
            qCWarning(lcOrcpClient).noquote() << message;
            Q_EMIT problem(message);
            QTimer::singleShot(RetryMs, this, &OrcpClient::registerNow);
            return;
        }
        const bool first = m_resourceId.isEmpty();
        m_resourceId = r.body.value(QStringLiteral("resourceId")).toString();
        m_keepAlive.start(1000 * qMax(1, r.body.value(QStringLiteral("keepAliveSecs")).toInt(10)));
        if (first)
            qCInfo(lcOrcpClient).noquote() << "registered this" << m_what << "with the OMS as resource" << m_resourceId
                                           << "in region" << r.body.value(QStringLiteral("region")).toString();
        Q_EMIT registered(m_resourceId, first);
        Q_EMIT updated(r.body);
        if (m_again)
            registerNow();
    });
}

void OrcpClient::sendKeepAlive()
{
    if (!m_active || m_resourceId.isEmpty() || !m_provider)
        return;
    const QString path = QStringLiteral("/oms/v1/resources/%1/keepalive").arg(m_resourceId);
    const QPointer<OrcpClient> guard(this);
    m_provider->call("POST", QStringLiteral("oms"), path, QJsonObject{}, [this, guard](const JsonReply &r) {
        if (!guard || !m_active)
            return;
        if (r.status == 404) {  // expired or forgotten by the OMS: register again
            m_resourceId.clear();
            registerNow();
        } else if (r.ok()) {
            Q_EMIT updated(r.body);
        } else {
            Q_EMIT problem(QStringLiteral("keep-alive failed (%1); the next one retries").arg(r.problem));
        }
    });
}

void OrcpClient::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_again = false;
    m_keepAlive.stop();
    if (m_resourceId.isEmpty() || !m_provider) {
        QMetaObject::invokeMethod(this, &OrcpClient::stopped, Qt::QueuedConnection);
        return;
    }
    const QString path = QStringLiteral("/oms/v1/resources/%1").arg(m_resourceId);
    m_resourceId.clear();
    const QPointer<OrcpClient> guard(this);
    m_provider->call("DELETE", QStringLiteral("oms"), path, QJsonObject{}, [this, guard](const JsonReply &r) {
        if (!guard)
            return;
        if (!r.ok() && r.status != 404)
            Q_EMIT problem(QStringLiteral("the OMS could not be told that this %1 stopped (%2); it drops it when the "
                                          "keep-alives stop").arg(m_what, r.problem));
        Q_EMIT stopped();
    });
}

} // namespace mp2p

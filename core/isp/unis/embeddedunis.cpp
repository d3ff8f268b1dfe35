#include "embeddedunis.h"

#include "unisserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

namespace mp2p {

EmbeddedUnis::EmbeddedUnis(QString dataDir)
    : m_path(QDir(dataDir).filePath(QStringLiteral("unis.json")))
{
}

EmbeddedUnis::~EmbeddedUnis() = default;

bool EmbeddedUnis::start(QString *error)
{
    if (!QFile::exists(m_path) && !writeDefaultConfig(error))
        return false;
    if (!readOmsToken(error))
        return false;
    m_server = std::make_unique<UnisServer>(m_path, systemClock());
    QString why;
    if (!m_server->start(QHostAddress(QHostAddress::LocalHost), quint16(0), &why)) {
        *error = QStringLiteral("the embedded UNIS did not start: %1 (edit or delete %2 to start over)").arg(why, m_path);
        m_server.reset();
        return false;
    }
    return true;
}

QString EmbeddedUnis::directoryUrl() const
{
    return m_server ? m_server->baseUrl() + QStringLiteral("/alto") : QString();
}

QJsonObject EmbeddedUnis::omsEntry() const
{
    return {{QStringLiteral("url"), directoryUrl()}, {QStringLiteral("token"), m_omsToken}};
}

void EmbeddedUnis::acceptUmsKey(const QByteArray &rawKey)
{
    if (!m_server || rawKey.isEmpty())
        return;
    UnisConfig config = m_server->service()->snapshot()->config;
    config.umsPublicKey = rawKey;
    m_server->service()->apply(config);
}

bool EmbeddedUnis::writeDefaultConfig(QString *error) const
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    const QJsonObject config{
        {QStringLiteral("_comment"), QStringLiteral("The embedded provider's UNIS (ALTO). One region for every address; "
                                                    "add PIDs and costs to split it (see resources/unis.example.json). "
                                                    "Read at every start.")},
        {QStringLiteral("networkMap"),
         QJsonObject{{QStringLiteral("pids"), QJsonObject{{QStringLiteral("local"),
                                                           QJsonObject{{QStringLiteral("ipv4"), QJsonArray{QStringLiteral("0.0.0.0/0")}},
                                                                       {QStringLiteral("ipv6"), QJsonArray{QStringLiteral("::/0")}}}}}}}},
        {QStringLiteral("costMap"), QJsonObject{{QStringLiteral("samePidCost"), 1}, {QStringLiteral("costs"), QJsonArray{}}}},
        {QStringLiteral("auth"),
         QJsonObject{{QStringLiteral("tokens"), QJsonArray{QJsonObject{{QStringLiteral("name"), QLatin1String(OmsTokenName)},
                                                                        {QStringLiteral("token"), QString::fromLatin1(secret.toHex())}}}}}},
        {QStringLiteral("server"), QJsonObject{{QStringLiteral("listen"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QJsonDocument(config).toJson()) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1 (%2); check the data folder's permissions").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

bool EmbeddedUnis::readOmsToken(QString *error)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    const QJsonArray tokens = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("auth")).toObject().value(QStringLiteral("tokens")).toArray();
    for (const QJsonValue &t : tokens) {
        const QJsonObject token = t.toObject();
        if (token.value(QStringLiteral("name")).toString() == QLatin1String(OmsTokenName)) {
            m_omsToken = token.value(QStringLiteral("token")).toString();
            if (!m_omsToken.isEmpty())
                return true;
        }
    }
    *error = QStringLiteral("%1 has no auth token named \"%2\" with its \"token\" for the embedded OMS; put it back or delete "
                            "the file to have it written anew").arg(m_path, QLatin1String(OmsTokenName));
    return false;
}

} // namespace mp2p

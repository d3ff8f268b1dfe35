#include "relaysecrets.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

namespace mp2p {

namespace {
QByteArray newSecret()
{
    // QRandomGenerator::system() is the OS CSPRNG (getrandom), as libsodium's randombytes uses.
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / int(sizeof(quint32)));
    return raw.toHex();
}
} // namespace

std::optional<QByteArray> RelaySecrets::issue(const QString &resourceId, qint64 now, QString *error)
{
    if (!m_db) {
        if (error)
            *error = QStringLiteral("the relay secret store is not open");
        return std::nullopt;
    }
    QSqlQuery q(m_db->connection());
    // The first secret wins: a keep-alive or re-registration must not change what the RS uses.
    q.prepare(QStringLiteral("INSERT INTO relay_secrets (resource_id, secret, issued_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (resource_id) DO NOTHING"));
    q.addBindValue(resourceId);
    q.addBindValue(QString::fromLatin1(newSecret()));
    q.addBindValue(now);
    if (!execQuery(q, error))
        return std::nullopt;
    const std::optional<QByteArray> secret = find(resourceId, error);
    if (!secret && error && error->isEmpty())
        *error = QStringLiteral("no secret stored for resource %1").arg(resourceId);
    return secret;
}

std::optional<QByteArray> RelaySecrets::find(const QString &resourceId, QString *error) const
{
    if (!m_db) {
        if (error)
            *error = QStringLiteral("the relay secret store is not open");
        return std::nullopt;
    }
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT secret FROM relay_secrets WHERE resource_id = ?"));
    q.addBindValue(resourceId);
    if (!execQuery(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toString().toLatin1();
}

} // namespace mp2p

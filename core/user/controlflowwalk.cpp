#include "controlflowwalk.h"

#include "bencode.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

namespace mp2p {

ControlFlowWalk::ControlFlowWalk(QUrl providerUrl, QString samplePath, QNetworkAccessManager *network, Printer print,
                                 QObject *parent)
    : QObject(parent)
    , m_provider(std::move(providerUrl))
    , m_samplePath(std::move(samplePath))
    , m_http(network)
    , m_print(std::move(print))
{
    m_publisher.key = KeyPair::generate();
    m_publisher.userId = userIdForPublicKey(m_publisher.key.publicKey());
    m_downloader.key = KeyPair::generate();
    m_downloader.userId = userIdForPublicKey(m_downloader.key.publicKey());
    buildSteps();
}

void ControlFlowWalk::start()
{
    m_nextStep = 0;
    next();
}

void ControlFlowWalk::next()
{
    if (m_done)
        return;
    if (m_nextStep >= m_steps.size()) {
        m_done = true;
        Q_EMIT finished(true, {});
        return;
    }
    m_steps.at(m_nextStep++)();
}

void ControlFlowWalk::fail(const QString &problem)
{
    if (m_done)
        return;
    m_done = true;
    m_print(QStringLiteral("   FAILED: %1").arg(problem));
    Q_EMIT finished(false, problem);
}

bool ControlFlowWalk::check(const JsonReply &reply, const QString &what)
{
    if (reply.ok())
        return true;
    fail(QStringLiteral("%1: %2").arg(what, reply.problem));
    return false;
}

QUrl ControlFlowWalk::serviceUrl(const QString &service, const QString &path) const
{
    const QString base = m_directory.value(QStringLiteral("services")).toObject().value(service).toString();
    return QUrl(base + path);
}

void ControlFlowWalk::login(User *user, const QString &displayName)
{
    m_http.setToken({});
    const QJsonObject registration{{QStringLiteral("publicKey"), QString::fromLatin1(toBase64Url(user->key.publicKey()))},
                                   {QStringLiteral("displayName"), displayName}};
    m_http.send("POST", serviceUrl(QStringLiteral("ums"), QStringLiteral("/ums/v1/users")), registration, [this, user, displayName](const JsonReply &r) {
        if (!check(r, QStringLiteral("register at the UMS")))
            return;
        m_print(QStringLiteral("   registered %1 as user %2").arg(displayName, user->userId));
        m_http.send("POST", serviceUrl(QStringLiteral("ums"), QStringLiteral("/ums/v1/challenges")),
                    {{QStringLiteral("userId"), user->userId}}, [this, user](const JsonReply &c) {
            if (!check(c, QStringLiteral("ask the UMS for a login challenge")))
                return;
            const QString challengeId = c.body.value(QStringLiteral("challengeId")).toString();
            const QString challenge = c.body.value(QStringLiteral("challenge")).toString();
            const QByteArray signature = user->key.sign(QStringLiteral("mp2p-login:%1:%2").arg(challengeId, challenge).toLatin1());
            const QJsonObject proof{{QStringLiteral("userId"), user->userId},
                                    {QStringLiteral("challengeId"), challengeId},
                                    {QStringLiteral("signature"), QString::fromLatin1(toBase64Url(signature))}};
            m_http.send("POST", serviceUrl(QStringLiteral("ums"), QStringLiteral("/ums/v1/sessions")), proof, [this, user](const JsonReply &s) {
                if (!check(s, QStringLiteral("log in at the UMS")))
                    return;
                user->token = s.body.value(QStringLiteral("token")).toString();
                m_print(QStringLiteral("   signed the challenge with the user's Ed25519 key; token valid until %1")
                            .arg(QDateTime::fromSecsSinceEpoch(qint64(s.body.value(QStringLiteral("expiresAt")).toDouble())).toUTC().toString(Qt::ISODate)));
                m_http.setToken(user->token);
                m_http.get(serviceUrl(QStringLiteral("ums"), QStringLiteral("/ums/v1/passkey")), [this, user](const JsonReply &p) {
                    if (!check(p, QStringLiteral("get the tracker passkey from the UMS")))
                        return;
                    user->passkey = p.body.value(QStringLiteral("passkey")).toString();
                    next();
                });
            });
        });
    });
}

QUrl ControlFlowWalk::announceUrl(const User &user, const QByteArray &peerId, quint16 port, qint64 left, const QString &event) const
{
    QUrl url(m_directory.value(QStringLiteral("announceUrl")).toString() + QLatin1Char('/') + user.passkey);
    const QByteArray infoHash = QByteArray::fromHex(m_torrent.infoHashV1.toLatin1());
    QByteArray query = "info_hash=" + infoHash.toPercentEncoding()
                       + "&peer_id=" + peerId.toPercentEncoding() + "&port=" + QByteArray::number(port)
                       + "&uploaded=0&downloaded=0&left=" + QByteArray::number(left) + "&compact=1";
    if (!event.isEmpty())
        query += "&event=" + event.toLatin1();
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void ControlFlowWalk::announce(User *user, const QByteArray &peerId, quint16 port, qint64 left, const QString &label)
{
    m_http.getRaw(announceUrl(*user, peerId, port, left, QStringLiteral("started")), [this, label](const JsonReply &r) {
        if (!check(r, QStringLiteral("announce to the OMS tracker")))
            return;
        QString error;
        const auto decoded = bdecode(r.raw, &error);
        const QVariantMap answer = decoded ? decoded->toMap() : QVariantMap();
        if (!decoded || answer.contains(QStringLiteral("failure reason"))) {
            fail(QStringLiteral("the tracker refused the announce: %1")
                     .arg(decoded ? answer.value(QStringLiteral("failure reason")).toString() : error));
            return;
        }
        const QByteArray peers = answer.value(QStringLiteral("peers")).toByteArray();
        QStringList listed;
        for (qsizetype i = 0; i + 6 <= peers.size(); i += 6) {
            const auto *p = reinterpret_cast<const uchar *>(peers.constData() + i);
            listed.append(QStringLiteral("%1.%2.%3.%4:%5").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]).arg((p[4] << 8) | p[5]));
        }
        m_print(QStringLiteral("   %1: interval %2 s, %3 seed(s), %4 leecher(s), peers [%5]")
                    .arg(label)
                    .arg(answer.value(QStringLiteral("interval")).toLongLong())
                    .arg(answer.value(QStringLiteral("complete")).toLongLong())
                    .arg(answer.value(QStringLiteral("incomplete")).toLongLong())
                    .arg(listed.join(QStringLiteral(", "))));
        next();
    });
}

} // namespace mp2p

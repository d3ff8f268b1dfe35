#include "consentservice.h"

#include "../../protocol/jsonfields.h"
#include "pamslog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp2p {

namespace {

// A consent may be signed a little ahead of the PAMS's clock, never far ahead (a record from
// the future would outrank every later real one).
constexpr qint64 MaxClockSkewSecs = 300;

QList<Migration> migrations()
{
    return {{1,
             {QStringLiteral("CREATE TABLE volunteer_consent (user_id TEXT NOT NULL, role TEXT NOT NULL, "
                             "time BIGINT NOT NULL, revoked INTEGER NOT NULL, record TEXT NOT NULL, "
                             "received_at BIGINT NOT NULL, PRIMARY KEY (user_id, role))")}}};
}

} // namespace

ConsentService::ConsentService(QString dbPath, const TokenVerifier *tokens, Clock clock)
    : m_db(QStringLiteral("consent"), DatabaseOptions{QStringLiteral("QSQLITE"), std::move(dbPath)})
    , m_auth(tokens, clock)
    , m_clock(std::move(clock))
{
}

bool ConsentService::open(QString *error)
{
    return m_db.open(error) && m_db.migrate(migrations(), error);
}

void ConsentService::registerRoutes(HttpRouter &router)
{
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/consent"),
               RoutePolicy::user(&m_auth).limit(RateRule::perUser(QStringLiteral("consent-writes"), 30, 60)),
               [this](const HttpRequest &r) { return post(r); });
    // The OMS asks before it hands out a volunteer's relay or cache; the user may read their own.
    router.add(HttpMethod::Get, QStringLiteral("/pams/v1/consent/{userId}"), RoutePolicy::ownerParam(&m_auth, QStringLiteral("userId")),
               [this](const HttpRequest &r) { return get(r); });
}

HttpResponse ConsentService::post(const HttpRequest &request)
{
    ApiError error;
    const QString *user = &request.caller.userId;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    const auto record = consentFromJson(body, &error);
    if (!record)
        return HttpResponse::error(error);
    if (record->fields.userId != *user)
        return HttpResponse::error(ApiError::forbidden(QStringLiteral("a consent can only be sent by the user who gave it")));
    if (!verifyConsent(*record)) {
        qCInfo(lcPams) << "consent: refused a record with a bad signature from" << *user;
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"),
            QStringLiteral("the signature does not verify with publicKey, or publicKey is not the user's"), QStringLiteral("signature")));
    }
    if (record->fields.time > m_clock() + MaxClockSkewSecs)
        return HttpResponse::error(ApiError::badRequest(QStringLiteral("invalid_value"),
                                                        QStringLiteral("time is in the future; check the clock"), QStringLiteral("time")));
    QSqlQuery q(m_db.connection());
    // Only a newer record replaces the held one: an old grant replayed after a revocation loses.
    q.prepare(QStringLiteral("INSERT INTO volunteer_consent (user_id, role, time, revoked, record, received_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, role) DO UPDATE SET time = excluded.time, "
                             "revoked = excluded.revoked, record = excluded.record, received_at = excluded.received_at "
                             "WHERE excluded.time > volunteer_consent.time"));
    const QByteArray json = QJsonDocument(consentToJson(*record)).toJson(QJsonDocument::Compact);
    for (const QVariant &v : {QVariant(*user), QVariant(volunteerRoleName(record->fields.role)), QVariant(record->fields.time),
                              QVariant(record->fields.revoked ? 1 : 0), QVariant(QString::fromUtf8(json)), QVariant(m_clock())})
        q.addBindValue(v);
    QString storeError;
    if (!execQuery(q, &storeError)) {
        qCWarning(lcPams) << "consent: store failed:" << storeError;
        return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS could not store the consent")));
    }
    if (q.numRowsAffected() == 0)
        return HttpResponse::error(ApiError::conflict(QStringLiteral("the PAMS holds a newer consent for this role")));
    return HttpResponse::json(consentToJson(*record), 201);
}

std::optional<QList<ConsentRecord>> ConsentService::consentsOf(const QString &userId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT record FROM volunteer_consent WHERE user_id = ? ORDER BY role"));
    q.addBindValue(userId);
    if (!execQuery(q, error))
        return std::nullopt;
    QList<ConsentRecord> out;
    while (q.next()) {
        ApiError ignored;
        if (auto r = consentFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), &ignored))
            out.append(*r);
    }
    return out;
}

bool ConsentService::hasCurrentConsent(const QString &userId, VolunteerRoleKind role) const
{
    QString error;
    const auto records = consentsOf(userId, &error);
    if (!records)
        return false;
    for (const ConsentRecord &r : *records)
        if (r.fields.role == role && !r.fields.revoked)
            return true;
    return false;
}

HttpResponse ConsentService::get(const HttpRequest &request) const
{
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (!isHex(userId, 40))
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"), QStringLiteral("a user id is 40 lower-case hex characters"), QStringLiteral("userId")));
    QString error;
    const auto records = consentsOf(userId, &error);
    if (!records)
        return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS could not read consents")));
    QJsonArray consents;
    QJsonObject active{{QStringLiteral("relay"), false}, {QStringLiteral("cache"), false}};
    for (const ConsentRecord &r : *records) {
        consents.append(consentToJson(r));
        active.insert(volunteerRoleName(r.fields.role), !r.fields.revoked);
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("userId"), userId}, {QStringLiteral("consents"), consents},
                                          {QStringLiteral("active"), active}});
}

} // namespace mp2p

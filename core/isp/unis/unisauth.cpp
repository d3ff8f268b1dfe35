#include "unisauth.h"

#include "altoerror.h"
#include "passwordhash.h"

#include <QCryptographicHash>
#include <QMutexLocker>

namespace mp2p {

namespace {
constexpr qint64 BasicCacheSecs = 300;
constexpr int BasicCacheMax = 1000;
} // namespace

UnisAuth::UnisAuth(const UnisConfig &config, Clock clock, std::shared_ptr<PasswordThrottle> throttle)
    : m_realm(config.realm)
    , m_clock(std::move(clock))
    , m_throttle(throttle ? std::move(throttle) : std::make_shared<PasswordThrottle>(m_clock))
{
    if (!throttle)
        m_throttle->setLimits(config.passwordLimits);
    for (const UnisUser &u : config.users)
        m_passwordHashes.insert(u.name, u.passwordHash);
    for (const UnisStaticToken &t : config.tokens)
        m_tokens.insert(t.sha256, t.name);
    if (!config.umsPublicKey.isEmpty())
        m_umsVerifier = std::make_unique<TokenVerifier>(config.umsPublicKey);
}

std::optional<UnisPrincipal> UnisAuth::authenticate(const HttpRequest &request, HttpResponse *denied) const
{
    const QByteArray header = request.header("authorization").trimmed();
    const int space = header.indexOf(' ');
    const QByteArray scheme = (space < 0 ? header : header.left(space)).toLower();
    const QByteArray value = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    QString why;
    std::optional<UnisPrincipal> who;
    std::optional<PasswordThrottle::Refusal> refusal;
    if (header.isEmpty())
        why = QStringLiteral("the UNIS serves authenticated clients only: send HTTP Basic credentials or a Bearer token");
    else if (scheme == "basic" && !m_passwordHashes.isEmpty())
        who = basic(value, request.remoteAddress, &why, &refusal);
    else if (scheme == "bearer" && (!m_tokens.isEmpty() || m_umsVerifier))
        who = bearer(value, &why);
    else
        why = QStringLiteral("this UNIS does not accept the '%1' scheme").arg(QString::fromLatin1(scheme));
    if (!who)
        *denied = refusal ? throttled(*refusal) : deny(why, scheme == "bearer");
    return who;
}

std::optional<UnisPrincipal> UnisAuth::basic(const QByteArray &credentials, const QHostAddress &from, QString *why,
                                             std::optional<PasswordThrottle::Refusal> *refusal) const
{
    const QByteArray decoded = QByteArray::fromBase64(credentials, QByteArray::AbortOnBase64DecodingErrors);
    const int colon = decoded.indexOf(':');
    if (colon <= 0) {
        *why = QStringLiteral("malformed Basic credentials (base64 of name:password expected)");
        return std::nullopt;
    }
    const QString user = QString::fromUtf8(decoded.left(colon));
    const QByteArray password = decoded.mid(colon + 1);
    const auto hash = m_passwordHashes.constFind(user);
    const qint64 now = m_clock();
    const QByteArray cacheKey = hash == m_passwordHashes.constEnd()
                                    ? QByteArray()
                                    : QCryptographicHash::hash(decoded + '\n' + *hash, QCryptographicHash::Sha256);
    if (!cacheKey.isEmpty()) {  // verified before: no Argon2 run, so no throttle either
        QMutexLocker lock(&m_cacheLock);
        if (m_verifiedBasic.value(cacheKey, 0) > now)
            return UnisPrincipal{QStringLiteral("basic:") + user};
    }
    if ((*refusal = m_throttle->checkAddress(from)))
        return std::nullopt;
    if (hash == m_passwordHashes.constEnd()) {
        m_throttle->recordFailure(from);
        *why = QStringLiteral("unknown user or wrong password");
        return std::nullopt;
    }
    if ((*refusal = m_throttle->startCheck()))
        return std::nullopt;
    const bool ok = verifyPassword(*hash, password);
    m_throttle->endCheck();
    if (!ok) {
        m_throttle->recordFailure(from);
        *why = QStringLiteral("unknown user or wrong password");
        return std::nullopt;
    }
    QMutexLocker lock(&m_cacheLock);
    if (m_verifiedBasic.size() >= BasicCacheMax)
        m_verifiedBasic.clear();
    m_verifiedBasic.insert(cacheKey, now + BasicCacheSecs);
    return UnisPrincipal{QStringLiteral("basic:") + user};
}

std::optional<UnisPrincipal> UnisAuth::bearer(const QByteArray &token, QString *why) const
{
    const auto known = m_tokens.constFind(QCryptographicHash::hash(token, QCryptographicHash::Sha256));
    if (known != m_tokens.constEnd())
        return UnisPrincipal{QStringLiteral("token:") + *known};
    if (!m_umsVerifier) {
        *why = QStringLiteral("unknown token");
        return std::nullopt;
    }
    TokenClaims claims;
    const TokenStatus status = m_umsVerifier->verify(QString::fromLatin1(token), m_clock(), &claims);
    if (status != TokenStatus::Valid) {
        *why = m_tokens.isEmpty() ? TokenVerifier::describe(status)
                                  : QStringLiteral("not an operator token, and as a UMS token: %1").arg(TokenVerifier::describe(status));
        return std::nullopt;
    }
    // Only tokens the UMS made for a UNIS: the provider's own tokens (audience "p2psp") must
    // never reach an ISP's server, and one that did is not accepted here.
    if (claims.audience != audience::Unis) {
        *why = QStringLiteral("the UMS token is for '%1', not for a UNIS; ask the UMS for one with "
                              "POST /ums/v1/tokens {\"audience\": \"unis\"}").arg(claims.audience);
        return std::nullopt;
    }
    return UnisPrincipal{QStringLiteral("ums:") + claims.userId};
}

HttpResponse UnisAuth::throttled(const PasswordThrottle::Refusal &refusal) const
{
    const char *code = refusal.status == 429 ? alto::ETooManyAttempts : alto::EServerBusy;
    AltoError error{refusal.status, QString::fromLatin1(code), {}, {}, refusal.message};
    HttpResponse response = error.toResponse();
    response.headers.append({"Retry-After", QByteArray::number(qMax(1, refusal.retryAfterSecs))});
    return response;
}

HttpResponse UnisAuth::deny(const QString &why, bool badToken) const
{
    AltoError error{401, QString::fromLatin1(alto::EUnauthorized), {}, {}, why};
    HttpResponse response = error.toResponse();
    const QByteArray realm = "realm=\"" + m_realm.toUtf8() + '"';
    if (!m_passwordHashes.isEmpty())
        response.headers.append({"WWW-Authenticate", "Basic " + realm + ", charset=\"UTF-8\""});
    if (!m_tokens.isEmpty() || m_umsVerifier)
        response.headers.append({"WWW-Authenticate", "Bearer " + realm + (badToken ? ", error=\"invalid_token\"" : "")});
    return response;
}

} // namespace mp2p

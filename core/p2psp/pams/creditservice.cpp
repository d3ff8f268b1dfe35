#include "creditservice.h"

#include "../../protocol/jsonfields.h"
#include "pamslog.h"

#include <QJsonArray>

namespace mp2p {

namespace {

HttpResponse storeFailure(const QString &what, const QString &error)
{
    qCWarning(lcPams) << what << "failed:" << error;
    return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS could not %1").arg(what)));
}

QJsonObject decisionToJson(qsizetype index, const Receipt &receipt, const CreditDecision &d)
{
    QJsonObject o{{QStringLiteral("index"), qint64(index)},
                  {QStringLiteral("downloaderId"), receipt.fields.downloaderId},
                  {QStringLiteral("overlayId"), receipt.fields.overlayId},
                  {QStringLiteral("sequence"), receipt.fields.sequence},
                  {QStringLiteral("credited"), d.credit}};
    if (d.verdict == CreditVerdict::Accepted) {
        o.insert(QStringLiteral("status"), QStringLiteral("accepted"));
    } else {
        o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
        o.insert(QStringLiteral("reason"), creditVerdictName(d.verdict));
        o.insert(QStringLiteral("detail"), d.detail);
    }
    return o;
}

// Parses the batch; every receipt must be well-formed and name the caller as uploader, or
// nothing is redeemed (a 400/403 writes nothing, not even the rejection log).
std::optional<QList<Receipt>> readReceipts(const QJsonArray &array, const QString &caller, ApiError *error)
{
    QList<Receipt> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("receipts[%1]").arg(i);
        if (!array.at(i).isObject()) {
            *error = ApiError::badRequest(QStringLiteral("invalid_type"), QStringLiteral("'%1' must be an object").arg(where), where);
            return std::nullopt;
        }
        auto receipt = receiptFromJson(array.at(i).toObject(), where, error);
        if (!receipt)
            return std::nullopt;
        if (receipt->fields.uploaderId != caller) {
            *error = ApiError::forbidden(
                QStringLiteral("%1 credits uploader %2; only that uploader can redeem it").arg(where, receipt->fields.uploaderId));
            error->field = where + QStringLiteral(".uploaderId");
            return std::nullopt;
        }
        out.append(*receipt);
    }
    return out;
}

} // namespace

CreditService::CreditService(QString dbPath, const TokenVerifier *tokens, Clock clock, CreditFacts facts)
    : m_store(std::make_unique<CreditStore>(std::move(dbPath)))
    , m_auth(tokens, clock)
    , m_clock(std::move(clock))
    , m_facts(std::move(facts))
{
}

bool CreditService::open(QString *error)
{
    return m_store->open(error);
}

void CreditService::setContentSizeLookup(std::function<std::optional<qint64>(const QString &)> lookup)
{
    m_facts.contentSize = std::move(lookup);
}

void CreditService::registerRoutes(HttpRouter &router)
{
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/credit/redeem"),
               [this](const HttpRequest &r) { return redeem(r); });
    router.add(HttpMethod::Get, QStringLiteral("/pams/v1/credit/{userId}"),
               [this](const HttpRequest &r) { return balance(r); });
}

HttpResponse CreditService::redeem(const HttpRequest &request)
{
    ApiError error;
    const auto user = m_auth.userFromHeader(request, &error);
    QJsonObject body;
    if (!user || !parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QJsonArray array = in.array(QStringLiteral("receipts"), JsonFields::Required, MaxReceiptsPerRequest);
    if (in.ok() && array.isEmpty())
        in.fail(QStringLiteral("receipts"), QStringLiteral("invalid_value"), QStringLiteral("send at least one receipt"));
    if (!in.ok())
        return HttpResponse::error(in.error());
    const auto receipts = readReceipts(array, *user, &error);
    if (!receipts)
        return HttpResponse::error(error);

    QList<CreditDecision> decisions;
    QString storeError;
    if (!m_store->redeem(*user, *receipts, m_facts, m_clock(), &decisions, &storeError))
        return storeFailure(QStringLiteral("redeem the receipts"), storeError);
    const auto after = m_store->balance(*user, &storeError);
    if (!after)
        return storeFailure(QStringLiteral("read the balance"), storeError);

    QJsonArray results;
    qint64 credited = 0;
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        results.append(decisionToJson(i, receipts->at(i), decisions.at(i)));
        credited += decisions.at(i).credit;
        if (decisions.at(i).verdict != CreditVerdict::Accepted)
            qCInfo(lcPams) << "credit: rejected" << creditVerdictName(decisions.at(i).verdict) << "receipt from" << *user;
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("results"), results},
                                          {QStringLiteral("credited"), credited},
                                          {QStringLiteral("balance"), after->total}});
}

HttpResponse CreditService::balance(const HttpRequest &request) const
{
    const QString userId = request.params.value(QStringLiteral("userId"));
    if (!isHex(userId, 40))
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"), QStringLiteral("a user id is 40 lower-case hex characters"), QStringLiteral("userId")));
    QString storeError;
    const auto b = m_store->balance(userId, &storeError);
    if (!b)
        return storeFailure(QStringLiteral("read the balance"), storeError);
    QJsonArray overlays;
    for (const auto &[overlayId, credited] : b->overlays)
        overlays.append(QJsonObject{{QStringLiteral("overlayId"), overlayId}, {QStringLiteral("credited"), credited}});
    return HttpResponse::json(QJsonObject{{QStringLiteral("userId"), userId},
                                          {QStringLiteral("balance"), b->total},
                                          {QStringLiteral("overlays"), overlays},
                                          {QStringLiteral("rejectedAttempts"), b->rejectedAttempts}});
}

} // namespace mp2p

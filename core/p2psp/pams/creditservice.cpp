#include "creditservice.h"

#include "../../protocol/jsonfields.h"
#include "pamslog.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentMap>

namespace mp2p {

namespace {

HttpResponse storeFailure(const QString &what, const QString &error)
{
    qCWarning(lcPams) << what << "failed:" << error;
    return HttpResponse::error(ApiError::internal(QStringLiteral("the PAMS could not %1").arg(what)));
}

QJsonObject decisionToJson(qsizetype index, const Receipt &receipt, const CreditDecision &d, CreditChannel channel)
{
    QJsonObject o{{QStringLiteral("index"), qint64(index)},
                  {QStringLiteral("downloaderId"), receipt.fields.downloaderId},
                  {QStringLiteral("overlayId"), receipt.fields.overlayId},
                  {QStringLiteral("sequence"), receipt.fields.sequence},
                  {QStringLiteral("credited"), d.credit}};
    if (channel == CreditChannel::Relay)
        o.insert(QStringLiteral("uploaderId"), receipt.fields.uploaderId);  // the redeemer is the uploader otherwise
    if (d.verdict == CreditVerdict::Accepted) {
        o.insert(QStringLiteral("status"), QStringLiteral("accepted"));
    } else {
        o.insert(QStringLiteral("status"), QStringLiteral("rejected"));
        o.insert(QStringLiteral("reason"), creditVerdictName(d.verdict));
        o.insert(QStringLiteral("detail"), d.detail);
    }
    return o;
}

// Who may send a receipt through `channel`: the uploader it names (direct), or the downloader
// that signed it, for a relay (RS) it names (relay). nullopt when `caller` may send `receipt`.
std::optional<ApiError> senderProblem(const Receipt &receipt, const QString &where, const QString &caller,
                                      CreditChannel channel)
{
    const ReceiptFields &f = receipt.fields;
    std::optional<ApiError> error;
    if (channel == CreditChannel::Direct && f.uploaderId != caller) {
        error = ApiError::forbidden(
            QStringLiteral("%1 credits uploader %2; only that uploader can redeem it").arg(where, f.uploaderId));
        error->field = where + QStringLiteral(".uploaderId");
    } else if (channel == CreditChannel::Direct && f.uploaderRole == PeerType::RelayServer) {
        // Else a colluding downloader could hand its RS receipts to the relay owner and have the
        // same bytes counted in both ledgers' caps twice over.
        error = ApiError::badRequest(QStringLiteral("invalid_value"),
                                     QStringLiteral("%1 is a relay receipt (uploaderRole RS): only the downloader that "
                                                    "signed it deposits it, at POST /pams/v1/credit/relay-receipts").arg(where),
                                     where + QStringLiteral(".uploaderRole"));
    } else if (channel == CreditChannel::Relay && f.downloaderId != caller) {
        error = ApiError::forbidden(
            QStringLiteral("%1 was signed by downloader %2; only that downloader can deposit it").arg(where, f.downloaderId));
        error->field = where + QStringLiteral(".downloaderId");
    } else if (channel == CreditChannel::Relay && f.uploaderRole != PeerType::RelayServer) {
        error = ApiError::badRequest(QStringLiteral("invalid_value"),
                                     QStringLiteral("%1 is not a relay receipt: uploaderRole must be RS here; send "
                                                    "receipts for peers and caches to POST /pams/v1/credit/redeem").arg(where),
                                     where + QStringLiteral(".uploaderRole"));
    }
    return error;
}

// One element of a request, decoded and checked for its sender.
struct ReadReceipt {
    std::optional<Receipt> receipt;
    std::optional<ApiError> error;
};

ReadReceipt readOne(const QJsonValue &value, qsizetype index, const QString &caller, CreditChannel channel)
{
    ReadReceipt out;
    const QString where = QStringLiteral("receipts[%1]").arg(index);
    if (!value.isObject()) {
        out.error = ApiError::badRequest(QStringLiteral("invalid_type"), QStringLiteral("'%1' must be an object").arg(where), where);
        return out;
    }
    ApiError error;
    out.receipt = receiptFromJson(value.toObject(), where, &error);
    if (!out.receipt) {
        out.error = error;
        return out;
    }
    out.error = senderProblem(*out.receipt, where, caller, channel);
    return out;
}

constexpr qsizetype ParallelReadFrom = 16;  // below this, a thread hand-off costs more than it saves

// Parses the batch; every receipt must be well-formed and be the caller's to send, or
// nothing is redeemed (a 400/403 writes nothing, not even the rejection log). Decoding is
// independent per receipt, so it runs on every core; the first problem in order is reported.
// (The signatures are checked by the store, overlapped with its SQL.)
std::optional<QList<Receipt>> readReceipts(const QJsonArray &array, const QString &caller, CreditChannel channel,
                                           ApiError *error)
{
    QList<QPair<qsizetype, QJsonValue>> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        items.append({i, array.at(i)});  // copied here: the workers never touch the shared array
    const auto one = [&caller, channel](const QPair<qsizetype, QJsonValue> &item) {
        return readOne(item.second, item.first, caller, channel);
    };
    QList<ReadReceipt> read;
    if (items.size() >= ParallelReadFrom) {
        read = QtConcurrent::blockingMapped(items, one);
    } else {
        for (const auto &item : std::as_const(items))
            read.append(one(item));
    }
    QList<Receipt> out;
    out.reserve(read.size());
    for (const ReadReceipt &r : std::as_const(read)) {
        if (r.error) {
            *error = *r.error;
            return std::nullopt;
        }
        out.append(*r.receipt);
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
    const RoutePolicy redeeming = RoutePolicy::user(&m_auth).limit(RateRule::perUser(QStringLiteral("credit-writes"), 120, 60));
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/credit/redeem"), redeeming,
               [this](const HttpRequest &r) { return redeem(r, CreditChannel::Direct); });
    router.add(HttpMethod::Post, QStringLiteral("/pams/v1/credit/relay-receipts"), redeeming,
               [this](const HttpRequest &r) { return redeem(r, CreditChannel::Relay); });
    // Credit is meant to be verifiable by anyone: a balance names no address and no overlay.
    router.add(HttpMethod::Get, QStringLiteral("/pams/v1/credit/{userId}"),
               RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("credit-reads"), 600, 60)),
               [this](const HttpRequest &r) { return balance(r); });
}

HttpResponse CreditService::redeem(const HttpRequest &request, CreditChannel channel)
{
    ApiError error;
    const QString *user = &request.caller.userId;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    JsonFields in(body);
    const QJsonArray array = in.array(QStringLiteral("receipts"), JsonFields::Required, MaxReceiptsPerRequest);
    if (in.ok() && array.isEmpty())
        in.fail(QStringLiteral("receipts"), QStringLiteral("invalid_value"), QStringLiteral("send at least one receipt"));
    if (!in.ok())
        return HttpResponse::error(in.error());
    const auto receipts = readReceipts(array, *user, channel, &error);
    if (!receipts)
        return HttpResponse::error(error);

    QList<CreditDecision> decisions;
    QString storeError;
    bool pending = false;
    if (!m_store->redeem(*user, *receipts, m_facts, m_clock(), &decisions, &storeError, channel, &pending))
        return storeFailure(QStringLiteral("redeem the receipts"), storeError);
    if (pending) {
        // Fail closed, but not for good: the OMS is being asked and the answer is cached.
        const QString problem = m_presenceProblem ? m_presenceProblem() : QString();
        HttpResponse busy = HttpResponse::error(
            ApiError{503, QStringLiteral("presence_pending"),
                     QStringLiteral("the OMS has not yet confirmed that the users of these receipts were in the swarm "
                                    "together%1; nothing was redeemed").arg(problem.isEmpty() ? QString() : QStringLiteral(" (") + problem + QLatin1Char(')')),
                     {}, QStringLiteral("send the same receipts again after %1 seconds").arg(PresenceRetrySecs)});
        busy.headers.append({"Retry-After", QByteArray::number(PresenceRetrySecs)});
        return busy;
    }
    // The uploader's new balance (one indexed SUM); a relay deposit credits others: no balance.
    const auto after = channel == CreditChannel::Direct ? m_store->creditedTotal(*user, &storeError) : std::optional<qint64>(0);
    if (!after)
        return storeFailure(QStringLiteral("read the balance"), storeError);

    QJsonArray results;
    qint64 credited = 0;
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        results.append(decisionToJson(i, receipts->at(i), decisions.at(i), channel));
        credited += decisions.at(i).credit;
        if (decisions.at(i).verdict != CreditVerdict::Accepted)
            qCInfo(lcPams) << "credit: rejected" << creditVerdictName(decisions.at(i).verdict) << creditChannelName(channel)
                           << "receipt from" << *user;
    }
    QJsonObject answer{{QStringLiteral("results"), results}, {QStringLiteral("credited"), credited}};
    if (channel == CreditChannel::Direct)
        answer.insert(QStringLiteral("balance"), *after);
    return HttpResponse::json(answer);
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
                                          // What reputation and priority use (ringfilter.h).
                                          {QStringLiteral("counted"), qMin(b->total, m_store->countedTotal(userId))},
                                          {QStringLiteral("relayed"), b->relayed},
                                          {QStringLiteral("overlays"), overlays},
                                          {QStringLiteral("rejectedAttempts"), b->rejectedAttempts}});
}

} // namespace mp2p

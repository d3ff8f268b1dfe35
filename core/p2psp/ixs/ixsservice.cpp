#include "ixsservice.h"

#include "omsurlcheck.h"

#include "contentqueryparams.h"
#include "contentvalidator.h"

#include <protocol/jsonfields.h>
#include <protocol/keys.h>

#include <QJsonArray>
#include <QLoggingCategory>

namespace mp2p {

namespace {

Q_LOGGING_CATEGORY(lcIxs, "mp2p.ixs")

HttpResponse storeFailure(const QString &what, const QString &error)
{
    qCWarning(lcIxs) << what << error;
    return HttpResponse::error(ApiError::internal(QStringLiteral("the index could not %1").arg(what)));
}

// Content ids are ours (32 hex); anything else cannot name a record.
std::optional<QString> contentIdOf(const HttpRequest &request, ApiError *error)
{
    const QString id = request.params.value(QStringLiteral("id"));
    if (isHex(id, 32))
        return id;
    *error = ApiError::badRequest(QStringLiteral("invalid_value"),
                                  QStringLiteral("'%1' is not a content id (32 lower-case hex characters)").arg(id.left(80)),
                                  QStringLiteral("id"));
    return std::nullopt;
}

// How many publishers' records GET by-infohash lists (the oldest first).
constexpr int MaxRecordsPerInfoHash = 100;

ApiError noSuchContent(const QString &id)
{
    ApiError e = ApiError::notFound(QStringLiteral("no content is registered with the id %1").arg(id));
    e.hint = QStringLiteral("search with GET /ixs/v1/content?q=... to find current records");
    return e;
}

} // namespace

IxsService::IxsService(ServiceContext context)
    : m_context(std::move(context))
    , m_auth(m_context.authenticator())
{
}

IxsService::~IxsService() = default;

bool IxsService::start(QString *error)
{
    DatabaseOptions options;
    options.path = m_context.dataDir + QStringLiteral("/ixs.db");
    options.fullSync = m_context.config.value(QStringLiteral("fullSync")).toBool(true);
    auto store = std::make_unique<IxsStore>(options);
    if (!store->open(error))
        return false;
    m_store = std::move(store);
    return true;
}

void IxsService::registerRoutes(HttpRouter &router)
{
    const QString content = QStringLiteral("/ixs/v1/content");
    // Searching is open, as a catalogue is; each address gets a fair share of the FTS work.
    const RoutePolicy reading = RoutePolicy::open().limit(RateRule::perAddress(QStringLiteral("ixs-reads"), 1200, 60));
    const RoutePolicy owning = RoutePolicy::owner(&m_auth, [this](const HttpRequest &r, ApiError *error) {
        return recordOwner(r, error);
    });
    router.add(HttpMethod::Post, content,
               RoutePolicy::user(&m_auth)
                   .limit(RateRule::perUser(QStringLiteral("records-per-user-per-day"), 500, 86400))
                   .maxBody(8 << 20),
               [this](const HttpRequest &r) { return registerContent(r); });
    router.add(HttpMethod::Get, content, reading, [this](const HttpRequest &r) { return queryContent(r); });
    router.add(HttpMethod::Get, content + QStringLiteral("/{id}"), reading, [this](const HttpRequest &r) { return getContent(r); });
    router.add(HttpMethod::Patch, content + QStringLiteral("/{id}"), owning, [this](const HttpRequest &r) { return updateContent(r); });
    router.add(HttpMethod::Delete, content + QStringLiteral("/{id}"), owning, [this](const HttpRequest &r) { return removeContent(r); });
    router.add(HttpMethod::Get, content + QStringLiteral("/by-infohash/{hex}"), reading,
               [this](const HttpRequest &r) { return getByInfoHash(r); });
    router.add(HttpMethod::Get, QStringLiteral("/ixs/healthz"), RoutePolicy::open(), [this](const HttpRequest &) {
        const QJsonObject h = health();
        return HttpResponse::json(h, h.value(QStringLiteral("status")) == QLatin1String("ok") ? 200 : 503);
    });
}

QJsonObject IxsService::health() const
{
    if (!m_store)
        return {{QStringLiteral("status"), QStringLiteral("error")}, {QStringLiteral("message"), QStringLiteral("not started")}};
    QString error;
    const qint64 records = m_store->count(&error);
    if (records < 0)
        return {{QStringLiteral("status"), QStringLiteral("error")}, {QStringLiteral("message"), error}};
    return {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("records"), double(records)},
            {QStringLiteral("fullTextSearch"), m_store->hasFullTextIndex()}};
}

HttpResponse IxsService::registerContent(const HttpRequest &request) const
{
    ApiError error;
    QJsonObject body;
    if (!parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    auto record = parseRegistration(body, &error);
    if (!record)
        return HttpResponse::error(error);
    if (const auto foreign = checkProviderOmsUrl(record->omsUrl, m_providerOms))
        return HttpResponse::error(*foreign);
    record->id = QString::fromLatin1(randomBytes(16).toHex());
    record->owner = request.caller.userId;
    record->createdAt = record->updatedAt = m_context.clock();
    QString storeError;
    switch (m_store->insert(*record, &storeError)) {
    case IxsStore::WriteResult::Ok:
        return HttpResponse::json(record->toJson(true), 201);
    case IxsStore::WriteResult::Duplicate: {
        // Only the same publisher's own record collides: other publishers of this torrent
        // each have theirs, so nobody can be locked out by registering first.
        ApiError e = ApiError::conflict(
            QStringLiteral("you already registered content with the info-hash %1").arg(record->infoHashV1));
        e.field = QStringLiteral("infoHashV1");
        e.hint = QStringLiteral("update your record with PATCH /ixs/v1/content/{id} (find it with "
                                "GET /ixs/v1/content?owner=%1) instead of registering it again")
                     .arg(record->owner);
        return HttpResponse::error(e);
    }
    default:
        return storeFailure(QStringLiteral("save the record"), storeError);
    }
}

std::optional<ContentRecord> IxsService::addressedRecord(const HttpRequest &request, ApiError *error) const
{
    const auto id = contentIdOf(request, error);
    if (!id)
        return std::nullopt;
    QString storeError;
    auto record = m_store->findById(*id, false, &storeError);
    if (!record)
        *error = storeError.isEmpty() ? noSuchContent(*id) : ApiError::internal(QStringLiteral("the index could not read the record"));
    return record;
}

std::optional<QString> IxsService::recordOwner(const HttpRequest &request, ApiError *error) const
{
    if (!m_store) {
        *error = ApiError::internal(QStringLiteral("the IXS is not running"));
        return std::nullopt;
    }
    const auto record = addressedRecord(request, error);
    return record ? std::optional<QString>(record->owner) : std::nullopt;
}

HttpResponse IxsService::updateContent(const HttpRequest &request) const
{
    ApiError error;
    auto record = addressedRecord(request, &error);
    QJsonObject body;
    if (!record || !parseJsonObject(request.body, &body, &error))
        return HttpResponse::error(error);
    const auto patch = parsePatch(body, &error);
    if (!patch)
        return HttpResponse::error(error);
    patch->applyTo(&*record);
    record->updatedAt = m_context.clock();
    QString storeError;
    switch (m_store->update(*record, &storeError)) {
    case IxsStore::WriteResult::Ok:
        return HttpResponse::json(record->toJson(false));
    case IxsStore::WriteResult::NotFound:  // removed between the read and the write
        return HttpResponse::error(noSuchContent(record->id));
    default:
        return storeFailure(QStringLiteral("update the record"), storeError);
    }
}

HttpResponse IxsService::removeContent(const HttpRequest &request) const
{
    ApiError error;
    const auto record = addressedRecord(request, &error);
    if (!record)
        return HttpResponse::error(error);
    QString storeError;
    switch (m_store->remove(record->id, &storeError)) {
    case IxsStore::WriteResult::Ok:
        return HttpResponse::noContent();
    case IxsStore::WriteResult::NotFound:
        return HttpResponse::error(noSuchContent(record->id));
    default:
        return storeFailure(QStringLiteral("remove the record"), storeError);
    }
}

HttpResponse IxsService::queryContent(const HttpRequest &request) const
{
    ApiError error;
    const auto query = parseContentQuery(request.query, &error);
    if (!query)
        return HttpResponse::error(error);
    QString storeError;
    const auto page = m_store->query(*query, &storeError);
    if (!page)
        return storeFailure(QStringLiteral("run the search"), storeError);
    QJsonArray items;
    for (const ContentRecord &r : page->items)
        items.append(r.toJson(false));
    return HttpResponse::json(QJsonObject{{QStringLiteral("total"), double(page->total)},
                                          {QStringLiteral("page"), query->page},
                                          {QStringLiteral("perPage"), query->perPage},
                                          {QStringLiteral("items"), items}});
}

HttpResponse IxsService::getContent(const HttpRequest &request) const
{
    ApiError error;
    const auto id = contentIdOf(request, &error);
    if (!id)
        return HttpResponse::error(error);
    QString storeError;
    const auto record = m_store->findById(*id, true, &storeError);
    if (!record)
        return storeError.isEmpty() ? HttpResponse::error(noSuchContent(*id))
                                    : storeFailure(QStringLiteral("read the record"), storeError);
    return HttpResponse::json(record->toJson(true));
}

HttpResponse IxsService::getByInfoHash(const HttpRequest &request) const
{
    const QString hex = request.params.value(QStringLiteral("hex")).toLower();
    if (!isHex(hex, 40) && !isHex(hex, 64)) {
        return HttpResponse::error(ApiError::badRequest(
            QStringLiteral("invalid_value"),
            QStringLiteral("an info-hash is 40 (v1) or 64 (v2) hex characters"), QStringLiteral("hex")));
    }
    QString storeError;
    const auto record = m_store->findByInfoHash(hex, true, &storeError);
    if (!record) {
        if (!storeError.isEmpty())
            return storeFailure(QStringLiteral("read the record"), storeError);
        return HttpResponse::error(ApiError::notFound(QStringLiteral("no content is registered with the info-hash %1").arg(hex)));
    }
    // Several publishers may have registered the same torrent: the oldest record answers (its
    // torrent was verified like every other), and `records` lists them all so a client can choose.
    const auto all = m_store->recordsByInfoHash(hex, MaxRecordsPerInfoHash, &storeError);
    if (!all)
        return storeFailure(QStringLiteral("read the records"), storeError);
    QJsonArray records;
    for (const ContentRecord &r : *all)
        records.append(QJsonObject{{QStringLiteral("id"), r.id},
                                   {QStringLiteral("owner"), r.owner},
                                   {QStringLiteral("title"), r.title},
                                   {QStringLiteral("createdAt"), double(r.createdAt)}});
    QJsonObject json = record->toJson(true);
    json.insert(QStringLiteral("records"), records);
    return HttpResponse::json(json);
}

} // namespace mp2p

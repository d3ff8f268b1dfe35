// The POST resources of RFC 7285 §11.3 and §11.4: filtered network map, filtered cost map,
// endpoint property (pid only) and endpoint cost. Every bad input gets an ALTO error naming
// the field ("cost-type/cost-mode"), never a partial answer.
#include "altoresources.h"

#include <QJsonArray>
#include <functional>

namespace mp2p::alto {

namespace {

// 415 unless the body is the resource's "accepts" type (or plain JSON, for simple clients).
std::optional<AltoError> checkContentType(const HttpRequest &request, const char *accepts)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type.isEmpty() || type == accepts || type == "application/json")
        return std::nullopt;
    return AltoError{415, QString::fromLatin1(EInvalidFieldValue), QStringLiteral("Content-Type"), QString::fromLatin1(type),
                     QStringLiteral("this resource accepts %1").arg(QLatin1String(accepts))};
}

// The start every POST resource shares: its media type (415), then a JSON object body (400).
std::optional<QJsonObject> readRequest(const HttpRequest &request, const char *accepts, HttpResponse *refused)
{
    if (const auto bad = checkContentType(request, accepts)) {
        *refused = bad->toResponse();
        return std::nullopt;
    }
    AltoError error;
    auto body = AltoFields::parseBody(request.body, &error);
    if (!body)
        *refused = error.toResponse();
    return body;
}

std::optional<CostMode> readCostType(AltoFields &in)
{
    const auto object = in.object(QStringLiteral("cost-type"), true);
    if (!object)
        return std::nullopt;
    const QString path = in.field(QStringLiteral("cost-type"));
    for (const QString &key : {QStringLiteral("cost-metric"), QStringLiteral("cost-mode")}) {
        const QJsonValue v = object->value(key);
        if (v.isUndefined())
            in.fail(AltoError::missing(path + QLatin1Char('/') + key));
        else if (!v.isString())
            in.fail(AltoError::wrongType(path + QLatin1Char('/') + key, QStringLiteral("a string")));
    }
    if (!in.ok())
        return std::nullopt;
    const QString metric = object->value(QStringLiteral("cost-metric")).toString();
    const QString mode = object->value(QStringLiteral("cost-mode")).toString();
    if (metric != QLatin1String("routingcost"))
        in.fail(AltoError::badValue(path + QStringLiteral("/cost-metric"), metric, QStringLiteral("this UNIS serves \"routingcost\" only")));
    else if (mode != QLatin1String("numerical") && mode != QLatin1String("ordinal"))
        in.fail(AltoError::badValue(path + QStringLiteral("/cost-mode"), mode, QStringLiteral("use \"numerical\" or \"ordinal\"")));
    else
        return mode == QLatin1String("ordinal") ? CostMode::Ordinal : CostMode::Numerical;
    return std::nullopt;
}

using Constraint = std::function<bool(double)>;

// RFC 7285 §11.3.2.3: "[op] [value]" with op one of gt, lt, ge, le, eq; all must hold.
std::optional<QList<Constraint>> readConstraints(AltoFields &in)
{
    const auto texts = in.strings(QStringLiteral("constraints"), false, 64);
    QList<Constraint> out;
    for (const QString &text : texts.value_or(QStringList())) {
        const QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool isNumber = false;
        const double bound = parts.size() == 2 ? parts.at(1).toDouble(&isNumber) : 0;
        const QString op = parts.value(0);
        const QHash<QString, Constraint> ops{{QStringLiteral("gt"), [bound](double v) { return v > bound; }},
                                            {QStringLiteral("lt"), [bound](double v) { return v < bound; }},
                                            {QStringLiteral("ge"), [bound](double v) { return v >= bound; }},
                                            {QStringLiteral("le"), [bound](double v) { return v <= bound; }},
                                            {QStringLiteral("eq"), [bound](double v) { return v == bound; }}};
        if (!isNumber || !ops.contains(op)) {
            in.fail(AltoError::badValue(in.field(QStringLiteral("constraints")), text,
                                        QStringLiteral("a constraint is \"<gt|lt|ge|le|eq> <number>\", e.g. \"le 10\"")));
            return std::nullopt;
        }
        out.append(ops.value(op));
    }
    if (!in.ok())
        return std::nullopt;
    return out;
}

template<typename Rows>
void applyConstraints(Rows *rows, const QList<Constraint> &constraints)
{
    for (auto &row : *rows)
        for (auto it = row.begin(); it != row.end();)
            it = std::all_of(constraints.begin(), constraints.end(), [&](const Constraint &c) { return c(*it); }) ? std::next(it) : row.erase(it);
}

// "ipv4:192.0.2.1" / "ipv6:2001:db8::1" (RFC 7285 §10.4.3).
std::optional<QHostAddress> typedAddress(const QString &text)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    const QString type = text.left(colon);
    QHostAddress address;
    if (colon < 0 || !address.setAddress(text.mid(colon + 1)) || text.contains(QLatin1Char('%')))
        return std::nullopt;
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    if ((type == QLatin1String("ipv4") && !v6) || (type == QLatin1String("ipv6") && v6))
        return address;
    return std::nullopt;
}

std::optional<QList<QHostAddress>> readAddresses(AltoFields &in, const QString &key, const QStringList &texts)
{
    QList<QHostAddress> out;
    for (const QString &text : texts) {
        const auto address = typedAddress(text);
        if (!address) {
            in.fail(AltoError::badValue(in.field(key), text, QStringLiteral("an endpoint is \"ipv4:<address>\" or \"ipv6:<address>\"")));
            return std::nullopt;
        }
        out.append(*address);
    }
    return out;
}

} // namespace

HttpResponse filteredNetworkMap(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits)
{
    HttpResponse refused;
    const auto body = readRequest(request, NetworkMapFilterType, &refused);
    if (!body)
        return refused;
    AltoFields in(*body);
    const auto pids = in.strings(QStringLiteral("pids"), true, limits.maxPids);
    const auto types = in.strings(QStringLiteral("address-types"), false, 2);
    for (const QString &t : types.value_or(QStringList()))
        if (t != QLatin1String("ipv4") && t != QLatin1String("ipv6"))
            in.fail(AltoError::badValue(QStringLiteral("address-types"), t, QStringLiteral("address types are \"ipv4\" and \"ipv6\"")));
    if (!in.ok())
        return in.error().toResponse();
    // Unknown PIDs are left out of the answer rather than refused (RFC 7285 §11.3.1.6).
    const bool all = !types || types->isEmpty();
    const QJsonObject meta{{QStringLiteral("vtag"), maps.vtagJson()}};
    const QJsonObject map = maps.networkMapJson(*pids, all || types->contains(QStringLiteral("ipv4")),
                                                all || types->contains(QStringLiteral("ipv6")));
    return altoJson(NetworkMapType, {{QStringLiteral("meta"), meta}, {QStringLiteral("network-map"), map}});
}

HttpResponse filteredCostMap(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits)
{
    HttpResponse refused;
    const auto body = readRequest(request, CostMapFilterType, &refused);
    if (!body)
        return refused;
    AltoFields in(*body);
    const auto mode = readCostType(in);
    const auto constraints = in.ok() ? readConstraints(in) : std::nullopt;
    const auto pids = in.ok() ? in.object(QStringLiteral("pids"), false) : std::nullopt;
    AltoFields pidFields(pids.value_or(QJsonObject()), QStringLiteral("pids"));
    const auto srcs = pidFields.strings(QStringLiteral("srcs"), false, limits.maxPids);
    const auto dsts = pidFields.strings(QStringLiteral("dsts"), false, limits.maxPids);
    if (!pidFields.ok())
        in.fail(pidFields.error());
    if (!in.ok())
        return in.error().toResponse();
    AltoMaps::CostRows rows = selectCosts(maps, srcs.value_or(QStringList()), dsts.value_or(QStringList()), *mode);
    applyConstraints(&rows, *constraints);
    const QJsonObject meta{{QStringLiteral("dependent-vtags"), QJsonArray{maps.vtagJson()}},
                           {QStringLiteral("cost-type"), costTypeJson(*mode)}};
    return altoJson(CostMapType, {{QStringLiteral("meta"), meta}, {QStringLiteral("cost-map"), costRowsJson(rows)}});
}

HttpResponse endpointProperties(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits)
{
    HttpResponse refused;
    const auto body = readRequest(request, EndpointPropParamsType, &refused);
    if (!body)
        return refused;
    AltoFields in(*body);
    const auto properties = in.strings(QStringLiteral("properties"), true, 8);
    const auto endpoints = in.strings(QStringLiteral("endpoints"), true, limits.maxEndpoints);
    const QString pidProperty = pidPropertyName(maps);
    for (const QString &p : properties.value_or(QStringList()))
        if (p != pidProperty)
            in.fail(AltoError::badValue(QStringLiteral("properties"), p, QStringLiteral("this UNIS offers \"%1\" only").arg(pidProperty)));
    if (in.ok() && properties->isEmpty())
        in.fail(AltoError::badValue(QStringLiteral("properties"), {}, QStringLiteral("ask for at least one property")));
    const auto addresses = in.ok() ? readAddresses(in, QStringLiteral("endpoints"), *endpoints) : std::nullopt;
    if (!in.ok())
        return in.error().toResponse();
    QJsonObject out;
    for (qsizetype i = 0; i < endpoints->size(); ++i) {
        QJsonObject props;
        if (const auto pid = maps.pidOf(addresses->at(i)))
            props.insert(pidProperty, *pid);
        out.insert(endpoints->at(i), props);
    }
    const QJsonObject meta{{QStringLiteral("dependent-vtags"), QJsonArray{maps.vtagJson()}}};
    return altoJson(EndpointPropType, {{QStringLiteral("meta"), meta}, {QStringLiteral("endpoint-properties"), out}});
}

HttpResponse endpointCost(const AltoMaps &maps, const HttpRequest &request, const AltoLimits &limits)
{
    HttpResponse refused;
    const auto body = readRequest(request, EndpointCostParamsType, &refused);
    if (!body)
        return refused;
    AltoFields in(*body);
    const auto mode = readCostType(in);
    const auto constraints = in.ok() ? readConstraints(in) : std::nullopt;
    const auto endpoints = in.ok() ? in.object(QStringLiteral("endpoints"), true) : std::nullopt;
    AltoFields ep(endpoints.value_or(QJsonObject()), QStringLiteral("endpoints"));
    QStringList srcs = ep.strings(QStringLiteral("srcs"), false, limits.maxEndpoints).value_or(QStringList());
    const QStringList dsts = ep.strings(QStringLiteral("dsts"), true, limits.maxEndpoints).value_or(QStringList());
    if (in.ok() && ep.ok() && dsts.isEmpty())
        ep.fail(AltoError::badValue(QStringLiteral("endpoints/dsts"), {}, QStringLiteral("name at least one destination")));
    if (srcs.isEmpty()) {  // RFC 7285 §11.5.1.3: no sources means the client itself
        const QHostAddress self = unmapIpv4(request.remoteAddress);
        srcs.append((self.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("ipv6:") : QStringLiteral("ipv4:")) + self.toString());
    }
    // Each list is bounded above; their product is what costs memory and time.
    if (in.ok() && ep.ok() && qint64(srcs.size()) * dsts.size() > limits.maxPairs)
        ep.fail(AltoError::badValue(QStringLiteral("endpoints/dsts"), QString::number(qint64(srcs.size()) * dsts.size()),
                                    QStringLiteral("%1 sources × %2 destinations is more than the %3 pairs one request may ask for; split it")
                                        .arg(srcs.size())
                                        .arg(dsts.size())
                                        .arg(limits.maxPairs)));
    const auto srcAddresses = ep.ok() ? readAddresses(ep, QStringLiteral("srcs"), srcs) : std::nullopt;
    const auto dstAddresses = ep.ok() ? readAddresses(ep, QStringLiteral("dsts"), dsts) : std::nullopt;
    if (in.ok() && !ep.ok())
        in.fail(ep.error());
    if (!in.ok())
        return in.error().toResponse();

    AltoMaps::CostRows rows;  // endpoint → endpoint, through their PIDs
    for (qsizetype s = 0; s < srcs.size(); ++s) {
        const auto srcPid = maps.pidOf(srcAddresses->at(s));
        for (qsizetype d = 0; d < dsts.size() && srcPid; ++d)
            if (const auto dstPid = maps.pidOf(dstAddresses->at(d)))
                if (const auto c = maps.cost(*srcPid, *dstPid))
                    rows[srcs.at(s)].insert(dsts.at(d), *c);
    }
    if (*mode == CostMode::Ordinal)
        rankOrdinal(&rows);
    applyConstraints(&rows, *constraints);
    const QJsonObject meta{{QStringLiteral("cost-type"), costTypeJson(*mode)}};
    return altoJson(EndpointCostType, {{QStringLiteral("meta"), meta}, {QStringLiteral("endpoint-cost-map"), costRowsJson(rows)}});
}

} // namespace mp2p::alto

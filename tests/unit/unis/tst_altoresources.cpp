#include "unisfixture.h"

#include <isp/unis/altoresources.h>

#include <QTest>

using namespace mp2p;
using namespace mp2p::test;

// Each ALTO resource of RFC 7285 through the router: media types, JSON shapes, error codes.
class TstAltoResources : public QObject {
    Q_OBJECT

    std::unique_ptr<UnisService> m_service;

    HttpResponse get(const char *path) const
    {
        return request(m_service->router(), HttpMethod::Get, QLatin1String(path), bearer(QLatin1String(StaticToken)));
    }
    HttpResponse post(const char *path, const QJsonObject &body, const QByteArray &type) const
    {
        return request(m_service->router(), HttpMethod::Post, QLatin1String(path), bearer(QLatin1String(StaticToken)),
                       QJsonDocument(body).toJson(QJsonDocument::Compact), type);
    }
    static QJsonObject costType(const char *mode, const char *metric = "routingcost")
    {
        return {{QStringLiteral("cost-mode"), QLatin1String(mode)}, {QStringLiteral("cost-metric"), QLatin1String(metric)}};
    }
    static QJsonArray strings(const QStringList &list) { return QJsonArray::fromStringList(list); }
    // Checks an ALTO error response: status, media type, code and field.
    static bool isAltoError(const HttpResponse &r, int status, const char *code, const QString &field = {})
    {
        const QJsonObject m = meta(r);
        const bool ok = r.status == status && r.contentType == alto::ErrorType && m.value(QStringLiteral("code")).toString() == QLatin1String(code)
                     && (field.isEmpty() || m.value(QStringLiteral("field")).toString() == field);
        if (!ok)
            qWarning("unexpected: %d %s %s", r.status, r.contentType.constData(), r.body.constData());
        return ok;
    }

private Q_SLOTS:
    void init() { m_service = std::make_unique<UnisService>(parseOrDie(baseConfigJson("$argon2id$x", {})), [] { return Now; }); }

    void directoryListsEveryResource()
    {
        const HttpResponse r = get(alto::DirectoryPath);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::DirectoryType));
        const QJsonObject ird = jsonOf(r);
        QCOMPARE(meta(r).value(QStringLiteral("default-alto-network-map")).toString(), QStringLiteral("default-network-map"));
        const QJsonObject types = meta(r).value(QStringLiteral("cost-types")).toObject();
        QCOMPARE(types.value(QStringLiteral("ord-routingcost")).toObject().value(QStringLiteral("cost-mode")).toString(), QStringLiteral("ordinal"));
        const QJsonObject res = ird.value(QStringLiteral("resources")).toObject();
        QCOMPARE(res.value(QStringLiteral("default-network-map")).toObject().value(QStringLiteral("uri")).toString(),
                 QStringLiteral("http://unis.test:7900/alto/networkmap"));
        const QJsonObject fcm = res.value(QStringLiteral("filtered-cost-map")).toObject();
        QCOMPARE(fcm.value(QStringLiteral("accepts")).toString(), QLatin1String(alto::CostMapFilterType));
        QCOMPARE(fcm.value(QStringLiteral("media-type")).toString(), QLatin1String(alto::CostMapType));
        QVERIFY(fcm.value(QStringLiteral("capabilities")).toObject().value(QStringLiteral("cost-constraints")).toBool());
        QCOMPARE(res.value(QStringLiteral("endpoint-cost")).toObject().value(QStringLiteral("accepts")).toString(), QLatin1String(alto::EndpointCostParamsType));
        QCOMPARE(res.value(QStringLiteral("endpoint-property")).toObject().value(QStringLiteral("capabilities")).toObject()
                     .value(QStringLiteral("prop-types")).toArray().first().toString(), QStringLiteral("default-network-map.pid"));
        QCOMPARE(res.value(QStringLiteral("num-routingcost-map")).toObject().value(QStringLiteral("uses")).toArray().first().toString(),
                 QStringLiteral("default-network-map"));
        QCOMPARE(res.size(), 7);
    }

    void networkMapHasVtagAndPrefixes()
    {
        const HttpResponse r = get(alto::NetworkMapPath);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::NetworkMapType));
        const QJsonObject vtag = meta(r).value(QStringLiteral("vtag")).toObject();
        QCOMPARE(vtag.value(QStringLiteral("resource-id")).toString(), QStringLiteral("default-network-map"));
        QCOMPARE(vtag.value(QStringLiteral("tag")).toString(), m_service->snapshot()->maps->tag());
        const QJsonObject map = jsonOf(r).value(QStringLiteral("network-map")).toObject();
        QCOMPARE(map.keys(), (QStringList{QStringLiteral("default"), QStringLiteral("isp-a"), QStringLiteral("isp-b"), QStringLiteral("isp-c")}));
        QCOMPARE(map.value(QStringLiteral("isp-b")).toObject().value(QStringLiteral("ipv4")).toArray(), strings({QStringLiteral("127.2.0.0/16"), QStringLiteral("10.0.0.0/8")}));
        QCOMPARE(map.value(QStringLiteral("isp-a")).toObject().value(QStringLiteral("ipv6")).toArray(), strings({QStringLiteral("fd00:a::/32")}));
        QCOMPARE(map.value(QStringLiteral("default")).toObject().value(QStringLiteral("ipv4")).toArray(), strings({QStringLiteral("0.0.0.0/0")}));
    }

    void numericalCostMap()
    {
        const HttpResponse r = get(alto::NumericalCostMapPath);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::CostMapType));
        QCOMPARE(meta(r).value(QStringLiteral("cost-type")).toObject(), costType("numerical"));
        QCOMPARE(meta(r).value(QStringLiteral("dependent-vtags")).toArray().first().toObject().value(QStringLiteral("tag")).toString(),
                 m_service->snapshot()->maps->tag());
        const QJsonObject map = jsonOf(r).value(QStringLiteral("cost-map")).toObject();
        QCOMPARE(map.value(QStringLiteral("isp-a")).toObject().value(QStringLiteral("isp-a")).toDouble(), 1.0);
        QCOMPARE(map.value(QStringLiteral("isp-a")).toObject().value(QStringLiteral("isp-b")).toDouble(), 10.0);
        QCOMPARE(map.value(QStringLiteral("isp-c")).toObject().value(QStringLiteral("isp-a")).toDouble(), 50.0);
        QCOMPARE(map.value(QStringLiteral("default")).toObject().value(QStringLiteral("isp-c")).toDouble(), 40.0);
    }

    void ordinalCostMapRanks()
    {
        const HttpResponse r = get(alto::OrdinalCostMapPath);
        QCOMPARE(r.contentType, QByteArray(alto::CostMapType));
        QCOMPARE(meta(r).value(QStringLiteral("cost-type")).toObject(), costType("ordinal"));
        const QJsonObject map = jsonOf(r).value(QStringLiteral("cost-map")).toObject();
        // Values 1, 10, 20, 40, 50 become ranks 1..5; equal costs share a rank.
        const QJsonObject a = map.value(QStringLiteral("isp-a")).toObject();
        QCOMPARE(a.value(QStringLiteral("isp-a")).toDouble(), 1.0);
        QCOMPARE(a.value(QStringLiteral("isp-b")).toDouble(), 2.0);
        QCOMPARE(map.value(QStringLiteral("isp-b")).toObject().value(QStringLiteral("isp-c")).toDouble(), 3.0);
        QCOMPARE(a.value(QStringLiteral("default")).toDouble(), 4.0);
        QCOMPARE(a.value(QStringLiteral("isp-c")).toDouble(), 5.0);
        QCOMPARE(map.value(QStringLiteral("isp-c")).toObject().value(QStringLiteral("isp-c")).toDouble(), 1.0);
    }

    void filteredNetworkMap()
    {
        HttpResponse r = post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), strings({QStringLiteral("isp-c"), QStringLiteral("nope"), QStringLiteral("isp-c")})},
                                                             {QStringLiteral("address-types"), strings({QStringLiteral("ipv6")})}},
                              alto::NetworkMapFilterType);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::NetworkMapType));
        QVERIFY(!meta(r).value(QStringLiteral("vtag")).toObject().value(QStringLiteral("tag")).toString().isEmpty());
        const QJsonObject map = jsonOf(r).value(QStringLiteral("network-map")).toObject();
        QCOMPARE(map.keys(), QStringList{QStringLiteral("isp-c")});
        QCOMPARE(map.value(QStringLiteral("isp-c")).toObject().keys(), QStringList{QStringLiteral("ipv6")});
        r = post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), QJsonArray()}}, "application/json");
        QCOMPARE(jsonOf(r).value(QStringLiteral("network-map")).toObject().size(), 4);  // empty list = all PIDs
    }

    void filteredNetworkMapErrors()
    {
        QVERIFY(isAltoError(post(alto::FilteredNetworkMapPath, {}, alto::NetworkMapFilterType), 400, alto::EMissingField, QStringLiteral("pids")));
        QVERIFY(isAltoError(post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), QStringLiteral("isp-a")}}, alto::NetworkMapFilterType),
                            400, alto::EInvalidFieldType, QStringLiteral("pids")));
        QVERIFY(isAltoError(post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), QJsonArray{1}}}, alto::NetworkMapFilterType),
                            400, alto::EInvalidFieldType, QStringLiteral("pids")));
        const HttpResponse badType = post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), QJsonArray()}, {QStringLiteral("address-types"), strings({QStringLiteral("ipx")})}},
                                          alto::NetworkMapFilterType);
        QVERIFY(isAltoError(badType, 400, alto::EInvalidFieldValue, QStringLiteral("address-types")));
        QCOMPARE(meta(badType).value(QStringLiteral("value")).toString(), QStringLiteral("ipx"));
        const HttpResponse syntax = request(m_service->router(), HttpMethod::Post, QLatin1String(alto::FilteredNetworkMapPath),
                                            bearer(QLatin1String(StaticToken)), "{\"pids\": [", alto::NetworkMapFilterType);
        QVERIFY(isAltoError(syntax, 400, alto::ESyntax));
        QVERIFY(meta(syntax).contains(QStringLiteral("syntax-error")));
        QVERIFY(isAltoError(post(alto::FilteredNetworkMapPath, {{QStringLiteral("pids"), QJsonArray()}}, "text/plain"), 415, alto::EInvalidFieldValue,
                            QStringLiteral("Content-Type")));
    }

    void filteredCostMap()
    {
        const QJsonObject pids{{QStringLiteral("srcs"), strings({QStringLiteral("isp-a")})},
                               {QStringLiteral("dsts"), strings({QStringLiteral("isp-b"), QStringLiteral("isp-c")})}};
        HttpResponse r = post(alto::FilteredCostMapPath, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("pids"), pids}},
                              alto::CostMapFilterType);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::CostMapType));
        QCOMPARE(jsonOf(r).value(QStringLiteral("cost-map")).toObject(),
                 (QJsonObject{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("isp-b"), 10}, {QStringLiteral("isp-c"), 50}}}}));
        QCOMPARE(meta(r).value(QStringLiteral("dependent-vtags")).toArray().size(), 1);
        r = post(alto::FilteredCostMapPath, {{QStringLiteral("cost-type"), costType("ordinal")}, {QStringLiteral("pids"), pids}}, alto::CostMapFilterType);
        QCOMPARE(jsonOf(r).value(QStringLiteral("cost-map")).toObject(),
                 (QJsonObject{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("isp-b"), 1}, {QStringLiteral("isp-c"), 2}}}}));
        QCOMPARE(meta(r).value(QStringLiteral("cost-type")).toObject(), costType("ordinal"));
        r = post(alto::FilteredCostMapPath, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("pids"), pids},
                                             {QStringLiteral("constraints"), strings({QStringLiteral("le 20"), QStringLiteral("gt 1")})}},
                 alto::CostMapFilterType);
        QCOMPARE(jsonOf(r).value(QStringLiteral("cost-map")).toObject(),
                 (QJsonObject{{QStringLiteral("isp-a"), QJsonObject{{QStringLiteral("isp-b"), 10}}}}));
        r = post(alto::FilteredCostMapPath, {{QStringLiteral("cost-type"), costType("numerical")}}, alto::CostMapFilterType);
        QCOMPARE(jsonOf(r).value(QStringLiteral("cost-map")).toObject().size(), 4);  // no pids = whole map
    }

    void filteredCostMapErrors()
    {
        const char *path = alto::FilteredCostMapPath;
        const char *type = alto::CostMapFilterType;
        QVERIFY(isAltoError(post(path, {}, type), 400, alto::EMissingField, QStringLiteral("cost-type")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), QJsonObject{{QStringLiteral("cost-metric"), QStringLiteral("routingcost")}}}}, type),
                            400, alto::EMissingField, QStringLiteral("cost-type/cost-mode")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), QStringLiteral("numerical")}}, type), 400, alto::EInvalidFieldType, QStringLiteral("cost-type")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), QJsonObject{{QStringLiteral("cost-mode"), 5}, {QStringLiteral("cost-metric"), QStringLiteral("routingcost")}}}}, type),
                            400, alto::EInvalidFieldType, QStringLiteral("cost-type/cost-mode")));
        const HttpResponse mode = post(path, {{QStringLiteral("cost-type"), costType("fancy")}}, type);
        QVERIFY(isAltoError(mode, 400, alto::EInvalidFieldValue, QStringLiteral("cost-type/cost-mode")));
        QCOMPARE(meta(mode).value(QStringLiteral("value")).toString(), QStringLiteral("fancy"));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical", "hopcount")}}, type), 400, alto::EInvalidFieldValue,
                            QStringLiteral("cost-type/cost-metric")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("constraints"), strings({QStringLiteral("about 5")})}}, type),
                            400, alto::EInvalidFieldValue, QStringLiteral("constraints")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("pids"), QJsonObject{{QStringLiteral("srcs"), QStringLiteral("isp-a")}}}}, type),
                            400, alto::EInvalidFieldType, QStringLiteral("pids/srcs")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")}}, "application/alto-networkmapfilter+json"), 415,
                            alto::EInvalidFieldValue));
    }

    void endpointProperty()
    {
        const HttpResponse r = post(alto::EndpointPropPath, {{QStringLiteral("properties"), strings({QStringLiteral("default-network-map.pid")})},
                                                            {QStringLiteral("endpoints"), strings({QStringLiteral("ipv4:127.1.0.9"), QStringLiteral("ipv6:fd00:b:1::1"),
                                                                                                   QStringLiteral("ipv4:8.8.8.8")})}},
                                    alto::EndpointPropParamsType);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::EndpointPropType));
        const QJsonObject props = jsonOf(r).value(QStringLiteral("endpoint-properties")).toObject();
        auto pidOf = [&](const char *ep) { return props.value(QLatin1String(ep)).toObject().value(QStringLiteral("default-network-map.pid")).toString(); };
        QCOMPARE(pidOf("ipv4:127.1.0.9"), QStringLiteral("isp-a"));
        QCOMPARE(pidOf("ipv6:fd00:b:1::1"), QStringLiteral("isp-c"));
        QCOMPARE(pidOf("ipv4:8.8.8.8"), QStringLiteral("default"));
        QCOMPARE(meta(r).value(QStringLiteral("dependent-vtags")).toArray().size(), 1);

        const char *path = alto::EndpointPropPath;
        const char *type = alto::EndpointPropParamsType;
        QVERIFY(isAltoError(post(path, {{QStringLiteral("properties"), strings({QStringLiteral("isp")})}, {QStringLiteral("endpoints"), QJsonArray()}}, type),
                            400, alto::EInvalidFieldValue, QStringLiteral("properties")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("properties"), strings({QStringLiteral("default-network-map.pid")})}}, type), 400, alto::EMissingField,
                            QStringLiteral("endpoints")));
        const HttpResponse bad = post(path, {{QStringLiteral("properties"), strings({QStringLiteral("default-network-map.pid")})},
                                             {QStringLiteral("endpoints"), strings({QStringLiteral("ipv4:fd00::1")})}}, type);
        QVERIFY(isAltoError(bad, 400, alto::EInvalidFieldValue, QStringLiteral("endpoints")));
        QCOMPARE(meta(bad).value(QStringLiteral("value")).toString(), QStringLiteral("ipv4:fd00::1"));
    }

    void endpointCost()
    {
        // No srcs: the client itself (127.2.0.77, in isp-b).
        const QJsonObject endpoints{{QStringLiteral("dsts"), strings({QStringLiteral("ipv4:127.1.0.1"), QStringLiteral("ipv4:127.2.0.2"),
                                                                      QStringLiteral("ipv6:fd00:b:1::1")})}};
        HttpResponse r = post(alto::EndpointCostPath, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("endpoints"), endpoints}},
                              alto::EndpointCostParamsType);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray(alto::EndpointCostType));
        const QJsonObject row = jsonOf(r).value(QStringLiteral("endpoint-cost-map")).toObject().value(QStringLiteral("ipv4:127.2.0.77")).toObject();
        QCOMPARE(row, (QJsonObject{{QStringLiteral("ipv4:127.1.0.1"), 10}, {QStringLiteral("ipv4:127.2.0.2"), 1}, {QStringLiteral("ipv6:fd00:b:1::1"), 20}}));
        QJsonObject withSrc = endpoints;
        withSrc.insert(QStringLiteral("srcs"), strings({QStringLiteral("ipv4:127.3.1.1")}));
        r = post(alto::EndpointCostPath, {{QStringLiteral("cost-type"), costType("ordinal")}, {QStringLiteral("endpoints"), withSrc}}, alto::EndpointCostParamsType);
        QCOMPARE(jsonOf(r).value(QStringLiteral("endpoint-cost-map")).toObject().value(QStringLiteral("ipv4:127.3.1.1")).toObject(),
                 (QJsonObject{{QStringLiteral("ipv4:127.1.0.1"), 3}, {QStringLiteral("ipv4:127.2.0.2"), 2}, {QStringLiteral("ipv6:fd00:b:1::1"), 1}}));
        QCOMPARE(meta(r).value(QStringLiteral("cost-type")).toObject(), costType("ordinal"));

        const char *path = alto::EndpointCostPath;
        const char *type = alto::EndpointCostParamsType;
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")}}, type), 400, alto::EMissingField, QStringLiteral("endpoints")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")}, {QStringLiteral("endpoints"), QJsonObject()}}, type),
                            400, alto::EMissingField, QStringLiteral("endpoints/dsts")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("cost-type"), costType("numerical")},
                                        {QStringLiteral("endpoints"), QJsonObject{{QStringLiteral("dsts"), strings({QStringLiteral("127.1.0.1")})}}}}, type),
                            400, alto::EInvalidFieldValue, QStringLiteral("endpoints/dsts")));
        QVERIFY(isAltoError(post(path, {{QStringLiteral("endpoints"), endpoints}}, type), 400, alto::EMissingField, QStringLiteral("cost-type")));
    }

    void vtagChangesWithConfig()
    {
        const QString before = meta(get(alto::NetworkMapPath)).value(QStringLiteral("vtag")).toObject().value(QStringLiteral("tag")).toString();
        QByteArray text = QJsonDocument(baseConfigJson("$argon2id$x", {})).toJson();
        QString error;
        m_service->apply(*UnisConfig::parse(text.replace("127.3.0.0/16", "127.3.0.0/24"), &error));
        const QString after = meta(get(alto::NetworkMapPath)).value(QStringLiteral("vtag")).toObject().value(QStringLiteral("tag")).toString();
        QVERIFY(after != before);
        QCOMPARE(meta(get(alto::NumericalCostMapPath)).value(QStringLiteral("dependent-vtags")).toArray().first().toObject().value(QStringLiteral("tag")).toString(), after);
    }

    void unknownPathsAndMethods()
    {
        QCOMPARE(get("/alto/nothing").status, 404);
        QCOMPARE(request(m_service->router(), HttpMethod::Post, QLatin1String(alto::NetworkMapPath), bearer(QLatin1String(StaticToken)), "{}").status, 405);
    }
};

QTEST_GUILESS_MAIN(TstAltoResources)
#include "tst_altoresources.moc"

// PAMP reports are checked against what the OMS and the IXS know of each overlay: credit is
// capped by the reported downloads, so a report cannot name an overlay that does not exist nor
// claim more than ReDownloadFactor × the content's size.
#include "pamsfixture.h"

#include <protocol/receipt.h>

using namespace mp2p;
using namespace mp2p::test;

namespace {

constexpr qint64 Size = 1'000'000;

struct CheckedPams : PamsFixture {
    const QString real = hex40('a');
    const QString unsized = hex40('b');
    CheckedPams()
    {
        OverlayFacts facts;
        facts.overlayKnown = [this](const QString &id) { return id == real || id == unsized; };
        facts.contentSize = [this](const QString &id) { return id == real ? std::optional<qint64>(Size) : std::nullopt; };
        service->setOverlayFacts(std::move(facts));
    }
    HttpResponse report(const TestUser &u, const QJsonArray &overlays) const
    {
        return as(u).post(QStringLiteral("/pams/v1/reports"), reportBody(overlays, staticPart()));
    }
};

void expectError(const HttpResponse &r, const QString &code, const QString &field)
{
    QCOMPARE(r.status, 400);
    const QJsonObject e = jsonOf(r);
    QCOMPARE(e.value("error").toString(), code);
    QCOMPARE(e.value("field").toString(), field);
    QVERIFY(!e.value("message").toString().isEmpty());
    QVERIFY(!e.value("hint").toString().isEmpty());
}

} // namespace

class TestPamsOverlayCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The attack's first half: 2^53 − 1 bytes "downloaded" in an overlay nobody created.
    void unknownOverlayIsRefused()
    {
        CheckedPams f;
        const TestUser u = f.user();
        const QString ghost = hex40('f');
        expectError(f.report(u, {overlayPart(ghost, 0, receipt::MaxInteger, 0)}), QStringLiteral("unknown_overlay"),
                    QStringLiteral("overlays[0].overlayId"));
        // The whole report is refused: not even the real overlay's entry is stored.
        expectError(f.report(u, {overlayPart(f.real, 0, 10, 0), overlayPart(ghost, 0, 10, 0)}),
                    QStringLiteral("unknown_overlay"), QStringLiteral("overlays[1].overlayId"));
        const HttpResponse peer = f.operatorView().get(QStringLiteral("/pams/v1/overlays/") + f.real + QStringLiteral("/peers"));
        QCOMPARE(peer.status, 200);
        QCOMPARE(jsonOf(peer).value("peers").toArray().size(), 0);
    }

    // Downloads above twice the content's size are refused, naming the field; up to it they
    // are stored, since a peer may fetch content again.
    void downloadsAboveTheSizeAreRefused()
    {
        CheckedPams f;
        const TestUser u = f.user();
        expectError(f.report(u, {overlayPart(f.real, 0, receipt::MaxInteger, 0)}), QStringLiteral("invalid_value"),
                    QStringLiteral("overlays[0].downloaded"));
        expectError(f.report(u, {overlayPart(f.real, 0, PamsService::ReDownloadFactor * Size + 1, 0)}),
                    QStringLiteral("invalid_value"), QStringLiteral("overlays[0].downloaded"));
        QCOMPARE(f.report(u, {overlayPart(f.real, 0, PamsService::ReDownloadFactor * Size, 0)}).status, 200);
        const QJsonObject peer = jsonOf(f.as(u).get(QStringLiteral("/pams/v1/peers/") + u.userId));
        QCOMPARE(peer.value("overlays").toArray().at(0).toObject().value("downloaded").toInteger(),
                 PamsService::ReDownloadFactor * Size);
    }

    // A seed uploads the content to many peers: uploads are not capped by the size (credit is
    // measured against downloads, never uploads). Unknown sizes leave the counters uncapped
    // (credit for such an overlay is refused instead).
    void uploadsAndUnsizedOverlaysAreAccepted()
    {
        CheckedPams f;
        const TestUser u = f.user();
        QCOMPARE(f.report(u, {overlayPart(f.real, 50 * Size, 0, 0), overlayPart(f.unsized, 0, 3 * Size, 0)}).status, 200);
    }

    // Real overlays report through their whole life: started, periodic, completed, stopped.
    void eventsOfRealOverlaysAreAccepted()
    {
        CheckedPams f;
        const TestUser u = f.user();
        QCOMPARE(f.report(u, {overlayPart(f.real, 0, 0, Size, QStringLiteral("started"))}).status, 200);
        QCOMPARE(f.report(u, {overlayPart(f.real, 10, Size / 2, Size / 2)}).status, 200);
        QCOMPARE(f.report(u, {overlayPart(f.real, 10, Size, 0, QStringLiteral("completed"))}).status, 200);
        const HttpResponse r = f.report(u, {overlayPart(f.real, 10, Size, 0, QStringLiteral("stopped"))});
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r).value("accepted").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPamsOverlayCheck)
#include "tst_pamsoverlaycheck.moc"

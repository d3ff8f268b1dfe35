#pragma once

#include "../pams/pamsfixture.h"

#include <protocol/receipt.h>

namespace mp2p::test {

// A PAMS with credit on a fake clock, plus helpers to report downloads and sign receipts.
struct CreditFixture : PamsFixture {
    const QString overlay = hex40('a');

    // The downloader's own PAMP status report: what cap (a) is measured against.
    void reportDownloaded(const TestUser &u, qint64 downloaded, const QString &overlayId = {})
    {
        const QJsonArray overlays{overlayPart(overlayId.isEmpty() ? overlay : overlayId, 0, downloaded, 0)};
        const HttpResponse r = as(u).post(QStringLiteral("/pams/v1/reports"), reportBody(overlays, staticPart()));
        QCOMPARE(r.status, 200);
    }

    Receipt receipt(const TestUser &downloader, const TestUser &uploader, qint64 sequence, qint64 bytes,
                    const QString &overlayId = {}) const
    {
        ReceiptFields f;
        f.overlayId = overlayId.isEmpty() ? overlay : overlayId;
        f.uploaderId = uploader.userId;
        f.sequence = sequence;
        f.bytes = bytes;
        f.time = now;
        return signReceipt(downloader.key, f);
    }

    // A receipt for bytes that came through the relay (RS) that `rsOwner` runs.
    Receipt relayReceipt(const TestUser &downloader, const TestUser &rsOwner, qint64 sequence, qint64 bytes,
                         const QString &overlayId = {}) const
    {
        ReceiptFields f;
        f.overlayId = overlayId.isEmpty() ? overlay : overlayId;
        f.uploaderId = rsOwner.userId;
        f.uploaderRole = PeerType::RelayServer;
        f.sequence = sequence;
        f.bytes = bytes;
        f.time = now;
        return signReceipt(downloader.key, f);
    }

    HttpResponse redeem(const TestUser &sender, const QList<Receipt> &receipts) const
    {
        return post(sender, QStringLiteral("/pams/v1/credit/redeem"), receipts);
    }

    // The downloader's deposit of its relay receipts.
    HttpResponse deposit(const TestUser &sender, const QList<Receipt> &receipts) const
    {
        return post(sender, QStringLiteral("/pams/v1/credit/relay-receipts"), receipts);
    }

    HttpResponse post(const TestUser &sender, const QString &path, const QList<Receipt> &receipts) const
    {
        QJsonArray array;
        for (const Receipt &r : receipts)
            array.append(receiptToJson(r));
        return as(sender).post(path, QJsonObject{{"receipts", array}});
    }

    qint64 balance(const TestUser &u, const QString &field = QStringLiteral("balance")) const
    {
        const QJsonObject o = jsonOf(anonymous().get(QStringLiteral("/pams/v1/credit/") + u.userId));
        return o.value(field).toInteger(-1);
    }

    QStringList rejections(const TestUser &sender) const
    {
        QString error;
        const QStringList reasons = service->credit()->store()->rejectionReasons(sender.userId, &error);
        return error.isEmpty() ? reasons : QStringList{QStringLiteral("store error: ") + error};
    }
};

// One result of a redeem response.
inline QJsonObject result(const HttpResponse &r, int index)
{
    return jsonOf(r).value("results").toArray().at(index).toObject();
}

// A redeem/deposit answer that rejected receipt `index` for `reason`: nothing credited, and a
// detail that says why (what the sender is told).
inline void expectRejected(const HttpResponse &r, int index, const QString &reason)
{
    QCOMPARE(r.status, 200);
    const QJsonObject o = result(r, index);
    QCOMPARE(o.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(o.value("reason").toString(), reason);
    QCOMPARE(o.value("credited").toInteger(-1), 0);
    QVERIFY(!o.value("detail").toString().isEmpty());
}

} // namespace mp2p::test

#include <protocol/receipt.h>

#include <QTest>

using namespace mp2p;

class TestReceipt : public QObject {
    Q_OBJECT

private:
    ReceiptFields fields() const
    {
        ReceiptFields f;
        f.overlayId = QString(40, QLatin1Char('a'));
        f.uploaderId = QString(40, QLatin1Char('b'));
        f.uploaderRole = PeerType::RelayServer;
        f.sequence = 7;
        f.bytes = 123456;
        f.time = 1'700'000'000;
        return f;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void canonicalMessageIsFixed()
    {
        ReceiptFields f = fields();
        f.downloaderId = QString(40, QLatin1Char('c'));
        QCOMPARE(canonicalReceiptMessage(f),
                 QByteArray("mp2p-receipt|1|" + QByteArray(40, 'a') + '|' + QByteArray(40, 'c') + '|'
                            + QByteArray(40, 'b') + "|RS|7|123456|1700000000"));
    }

    void signVerifyAndJsonRoundTrip()
    {
        const KeyPair key = KeyPair::generate();
        const Receipt r = signReceipt(key, fields());
        QCOMPARE(r.fields.downloaderId, userIdForPublicKey(key.publicKey()));
        QCOMPARE(verifyReceipt(r), ReceiptCheck::Valid);

        ApiError error;
        const auto back = receiptFromJson(receiptToJson(r), QStringLiteral("r"), &error);
        QVERIFY2(back.has_value(), qPrintable(error.message));
        QCOMPARE(back->fields.bytes, r.fields.bytes);
        QCOMPARE(back->fields.uploaderRole, PeerType::RelayServer);
        QCOMPARE(back->signature, r.signature);
        QCOMPARE(verifyReceipt(*back), ReceiptCheck::Valid);
    }

    void tamperingIsDetected()
    {
        const KeyPair key = KeyPair::generate();
        Receipt r = signReceipt(key, fields());
        Receipt bytes = r;
        bytes.fields.bytes += 1;
        QCOMPARE(verifyReceipt(bytes), ReceiptCheck::BadSignature);
        Receipt role = r;
        role.fields.uploaderRole = PeerType::Peer;
        QCOMPARE(verifyReceipt(role), ReceiptCheck::BadSignature);
        Receipt otherKey = r;
        otherKey.downloaderKey = KeyPair::generate().publicKey();
        QCOMPARE(verifyReceipt(otherKey), ReceiptCheck::KeyMismatch);
    }

    void badJsonIsRejectedWithTheField()
    {
        const QJsonObject good = receiptToJson(signReceipt(KeyPair::generate(), fields()));
        const QList<QPair<QString, QJsonValue>> cases{
            {QStringLiteral("overlayId"), QStringLiteral("XYZ")},
            {QStringLiteral("overlayId"), QString(40, QLatin1Char('G'))},
            {QStringLiteral("sequence"), 0},
            {QStringLiteral("bytes"), -1},
            {QStringLiteral("bytes"), QStringLiteral("12")},
            {QStringLiteral("uploaderRole"), QStringLiteral("ADMIN")},
            {QStringLiteral("version"), 2},
            {QStringLiteral("signature"), QStringLiteral("not base64!")},
            {QStringLiteral("downloaderKey"), QStringLiteral("AAAA")},
        };
        for (const auto &[key, value] : cases) {
            QJsonObject o = good;
            o.insert(key, value);
            ApiError error;
            QVERIFY2(!receiptFromJson(o, QStringLiteral("receipts[0]"), &error).has_value(), qPrintable(key));
            QCOMPARE(error.status, 400);
            QCOMPARE(error.field, QStringLiteral("receipts[0].") + key);
        }
        QJsonObject missing = good;
        missing.remove(QStringLiteral("time"));
        ApiError error;
        QVERIFY(!receiptFromJson(missing, {}, &error));
        QCOMPARE(error.code, QStringLiteral("missing_field"));
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"

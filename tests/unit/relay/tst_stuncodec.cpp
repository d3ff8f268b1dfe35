// The STUN/TURN codec against the RFC 5769 test vectors, round trips and hostile input.
#include <relay/stunmessage.h>
#include <relay/relayauth.h>

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace mp2p;
using namespace mp2p::stun;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text).replace(' ', "").replace('\n', ""));
}

// RFC 5769 §2.1: sample request, short-term credential (key = the password itself).
const QByteArray kRequest = hex(
    "000100582112a442b7e7a701bc34d686fa87dfae"
    "802200105354554e207465737420636c69656e74"
    "002400046e0001ff"
    "80290008932ff9b151263b36"
    "000600096576746a3a68367659202020"
    "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
    "80280004e57a3bcf");
// §2.2: IPv4 response, XOR-MAPPED-ADDRESS 192.0.2.1:32853.
const QByteArray kResponseV4 = hex(
    "0101003c2112a442b7e7a701bc34d686fa87dfae"
    "8022000b7465737420766563746f7220"
    "002000080001a147e112a643"
    "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
    "80280004c07d4c96");
// §2.3: IPv6 response, XOR-MAPPED-ADDRESS [2001:db8:1234:5678:11:2233:4455:6677]:32853.
const QByteArray kResponseV6 = hex(
    "010100482112a442b7e7a701bc34d686fa87dfae"
    "8022000b7465737420766563746f7220"
    "002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
    "00080014a382954e4be67bf11784c97c8292c275bfe3ed41"
    "80280004c8fb0b4c");
const QByteArray kShortTermPassword = "VOkJxbRl1RmTxUk/WvJxBt";

} // namespace

class TestStunCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc5769Request();
    void rfc5769ResponseV4();
    void rfc5769ResponseV6();
    void rfc5769LongTerm();
    void encodeMatchesVector();
    void roundTripTurnAttributes();
    void tamperingIsDetected();
    void hostileInputIsRejected_data();
    void hostileInputIsRejected();
    void framing();
    void restCredentials();
};

void TestStunCodec::rfc5769Request()
{
    QString error;
    const auto m = Message::parse(kRequest, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->method(), quint16(Binding));
    QCOMPARE(m->messageClass(), quint16(Request));
    QCOMPARE(m->transactionId(), hex("b7e7a701bc34d686fa87dfae"));
    QCOMPARE(m->string(Username).value(), QStringLiteral("evtj:h6vY"));
    QCOMPARE(m->string(Software).value(), QStringLiteral("STUN test client"));
    QVERIFY(Message::verifyIntegrity(kRequest, kShortTermPassword));
    QVERIFY(!Message::verifyIntegrity(kRequest, "wrong"));
    QVERIFY(Message::verifyFingerprint(kRequest));
}

void TestStunCodec::rfc5769ResponseV4()
{
    const auto m = Message::parse(kResponseV4, nullptr);
    QVERIFY(m);
    QCOMPARE(m->messageClass(), quint16(Success));
    const auto mapped = m->xorAddress(XorMappedAddress);
    QVERIFY(mapped);
    QCOMPARE(mapped->address, QHostAddress(QStringLiteral("192.0.2.1")));
    QCOMPARE(mapped->port, quint16(32853));
    QVERIFY(Message::verifyIntegrity(kResponseV4, kShortTermPassword));
    QVERIFY(Message::verifyFingerprint(kResponseV4));
}

void TestStunCodec::rfc5769ResponseV6()
{
    const auto m = Message::parse(kResponseV6, nullptr);
    QVERIFY(m);
    const auto mapped = m->xorAddress(XorMappedAddress);
    QVERIFY(mapped);
    QCOMPARE(mapped->address, QHostAddress(QStringLiteral("2001:db8:1234:5678:11:2233:4455:6677")));
    QCOMPARE(mapped->port, quint16(32853));
    QVERIFY(Message::verifyIntegrity(kResponseV6, kShortTermPassword));
    QVERIFY(Message::verifyFingerprint(kResponseV6));
}

void TestStunCodec::rfc5769LongTerm()
{
    // RFC 5769 §2.4: long-term credentials; user "マトリックス", realm "example.org", password
    // "TheMatrIX" (the RFC's password after SASLprep; we take passwords as given).
    const QByteArray vector = hex(
        "000100602112a44278ad3433c6ad72c029da412e"
        "00060012e3839ee38388e383aae38383e382afe382b90000"
        "0015001c662f2f3439396b39353464364f4c33346f4c3946535476793634 7341"
        "0014000b6578616d706c652e6f726700"
        "00080014f67024656dd64a3e02b8e0712e85c9a28ca89666");
    QString error;
    const auto m = Message::parse(vector, &error);
    QVERIFY2(m, qPrintable(error));
    const QString user = QString::fromUtf8("\xe3\x83\x9e\xe3\x83\x88\xe3\x83\xaa\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9");
    QCOMPARE(m->string(Username).value(), user);
    QCOMPARE(m->string(Realm).value(), QStringLiteral("example.org"));
    QCOMPARE(m->string(Nonce).value(), QStringLiteral("f//499k954d6OL34oL9FSTvy64sA"));
    QVERIFY(Message::verifyIntegrity(vector, longTermKey(user, QStringLiteral("example.org"), QStringLiteral("TheMatrIX"))));
    QVERIFY(!Message::verifyIntegrity(vector, longTermKey(user, QStringLiteral("example.org"), QStringLiteral("TheMatrix"))));
}

void TestStunCodec::encodeMatchesVector()
{
    // Rebuilding §2.2 from its parts gives the RFC's bytes, MESSAGE-INTEGRITY and FINGERPRINT included.
    Message m(Binding, Success, hex("b7e7a701bc34d686fa87dfae"));
    m.add(Software, "test vector");
    m.addXorAddress(XorMappedAddress, {QHostAddress(QStringLiteral("192.0.2.1")), 32853});
    QByteArray encoded = m.encode(kShortTermPassword, true);
    // The RFC pads SOFTWARE with a space, we pad with zero (both are allowed): align the byte.
    encoded[35] = ' ';
    QCOMPARE(encoded.left(52), kResponseV4.left(52));
    QVERIFY(Message::verifyIntegrity(m.encode(kShortTermPassword, true), kShortTermPassword));
    QVERIFY(Message::verifyFingerprint(m.encode(kShortTermPassword, true)));
}

void TestStunCodec::roundTripTurnAttributes()
{
    Message m(Allocate, Success);
    m.addXorAddress(XorRelayedAddress, {QHostAddress(QStringLiteral("198.18.0.1")), 49160});
    m.addXorAddress(XorPeerAddress, {QHostAddress(QStringLiteral("2001:db8::5")), 6881});
    m.addU32(Lifetime, 600);
    m.addRequestedTransport(kTransportTcp);
    m.add(ConnectionId, hex("deadbeef"));
    m.addString(Realm, QStringLiteral("mp2p"));
    m.addString(Nonce, QStringLiteral("abc"));
    m.addErrorCode(438, QStringLiteral("Stale Nonce"));
    const QByteArray key = longTermKey(QStringLiteral("u"), QStringLiteral("mp2p"), QStringLiteral("p"));
    const QByteArray wire = m.encode(key, true);
    const auto back = Message::parse(wire, nullptr);
    QVERIFY(back);
    QCOMPARE(back->method(), quint16(Allocate));
    QCOMPARE(back->messageClass(), quint16(Success));
    QCOMPARE(back->xorAddress(XorRelayedAddress)->address, QHostAddress(QStringLiteral("198.18.0.1")));
    QCOMPARE(back->xorAddress(XorRelayedAddress)->port, quint16(49160));
    QCOMPARE(back->xorAddress(XorPeerAddress)->address, QHostAddress(QStringLiteral("2001:db8::5")));
    QCOMPARE(back->u32(Lifetime).value(), 600u);
    QCOMPARE(quint8(back->find(RequestedTransport)->at(0)), quint8(6));
    QCOMPARE(back->find(ConnectionId).value(), hex("deadbeef"));
    QCOMPARE(back->errorCode(), 438);
    QCOMPARE(back->errorReason(), QStringLiteral("Stale Nonce"));
    QVERIFY(Message::verifyIntegrity(wire, key));
    QVERIFY(Message::verifyFingerprint(wire));
    // Every method/class combination survives the type-field bit shuffle.
    for (quint16 method : {Binding, Allocate, Refresh, CreatePermission, Connect, ConnectionBind, ConnectionAttempt})
        for (quint16 cls : {Request, Indication, Success, Error}) {
            const auto p = Message::parse(Message(method, cls).encode(), nullptr);
            QVERIFY(p);
            QCOMPARE(p->method(), method);
            QCOMPARE(p->messageClass(), cls);
        }
}

void TestStunCodec::tamperingIsDetected()
{
    for (int i = 0; i < kResponseV4.size(); ++i) {
        // Bytes 72..75 are FINGERPRINT's own type and length: changing them turns it into an
        // unknown optional attribute, which RFC 5389 lets a receiver ignore.
        if (i >= 72 && i < 76)
            continue;
        QByteArray bad = kResponseV4;
        bad[i] = char(bad[i] ^ 0x01);
        const bool intact = Message::verifyIntegrity(bad, kShortTermPassword) && Message::verifyFingerprint(bad);
        QVERIFY2(!intact, qPrintable(QStringLiteral("flip at byte %1 went unnoticed").arg(i)));
    }
}

void TestStunCodec::hostileInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << QByteArray() << "shorter";
    QTest::newRow("short header") << kRequest.left(19) << "shorter";
    QTest::newRow("not STUN") << (QByteArray("\xc0") + kRequest.mid(1)) << "first two bits";
    QTest::newRow("no cookie") << (kRequest.left(4) + QByteArray(4, '\0') + kRequest.mid(8)) << "cookie";
    QTest::newRow("length not x4") << (kRequest.left(2) + hex("0057") + kRequest.mid(4)) << "multiple of 4";
    QTest::newRow("length too big") << (kRequest.left(2) + hex("005c") + kRequest.mid(4)) << "does not match";
    QTest::newRow("trailing bytes") << (kRequest + QByteArray(4, '\0')) << "does not match";
    QByteArray overrun = hex("000100082112a442b7e7a701bc34d686fa87dfae" "0006ffff41414141");
    QTest::newRow("attribute overruns") << overrun << "runs past";
    QByteArray cut = hex("000100042112a442b7e7a701bc34d686fa87dfae" "00060004");
    QTest::newRow("attribute value missing") << cut << "runs past";
}

void TestStunCodec::hostileInputIsRejected()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, why);
    QString error;
    QVERIFY(!Message::parse(data, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
    // The verifiers must also stay inside the buffer and say no.
    QVERIFY(!Message::verifyIntegrity(data, kShortTermPassword) || data.size() >= 20);
}

void TestStunCodec::framing()
{
    QCOMPARE(frameLength(kRequest.constData(), 4), kRequest.size());
    QCOMPARE(frameLength(kRequest.constData(), 3), 0);
    QCOMPARE(frameLength("\x40\x00\x00\x04", 4), -1);   // ChannelData is not used on TCP allocations
    QCOMPARE(frameLength("\x00\x01\x00\x05", 4), -1);
    // Bad XOR addresses decode to nothing instead of garbage.
    QVERIFY(!decodeXorAddress(hex("0001"), QByteArray(12, 'x')));
    QVERIFY(!decodeXorAddress(hex("000300001234"), QByteArray(12, 'x')));
    QVERIFY(!decodeXorAddress(hex("00020000") + QByteArray(15, 'a'), QByteArray(12, 'x')));
}

void TestStunCodec::restCredentials()
{
    // coturn's TURN REST scheme: password = base64(HMAC-SHA1(secret, "<expiry>:<user>")).
    const QString user = RelayAuth::restUsernameFor(1700000000, QStringLiteral("abc"), QStringLiteral("ff00"));
    QCOMPARE(user, QStringLiteral("1700000000:abc+ff00"));
    QCOMPARE(restPassword("north", QStringLiteral("1700000000:abc")),
             QString::fromLatin1(QMessageAuthenticationCode::hash("1700000000:abc", "north",
                                                                  QCryptographicHash::Sha1).toBase64()));
    const RelayIdentity id = RelayIdentity::fromUsername(user);
    QCOMPARE(id.userId, QStringLiteral("abc"));
    QCOMPARE(id.overlayId, QStringLiteral("ff00"));
    QCOMPARE(RelayIdentity::fromUsername(QStringLiteral("test")).userId, QStringLiteral("test"));
}

QTEST_GUILESS_MAIN(TestStunCodec)
#include "tst_stuncodec.moc"

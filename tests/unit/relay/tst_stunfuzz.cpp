// Hostile input for the STUN codec: a few hundred thousand random and mutated messages, each
// parsed, verified and decoded. Nothing may crash or read out of bounds (run under ASan/valgrind
// to see the latter), and every accepted message must re-encode to something that parses.
#include <relay/stunmessage.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace mp2p::stun;

class TestStunFuzz : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mutatedMessages();
};

namespace {

QByteArray seedMessage(QRandomGenerator &rng)
{
    static const quint16 methods[] = {Binding, Allocate, Refresh, CreatePermission, ConnectionBind, ConnectionAttempt};
    Message m(methods[rng.bounded(6)], quint16(rng.bounded(4)));
    const int attrs = int(rng.bounded(6));
    for (int i = 0; i < attrs; ++i) {
        switch (rng.bounded(6)) {
        case 0: m.addXorAddress(XorPeerAddress, {QHostAddress(rng.generate()), quint16(rng.generate())}); break;
        case 1: m.addU32(Lifetime, rng.generate()); break;
        case 2: m.addErrorCode(300 + int(rng.bounded(300)), QStringLiteral("reason")); break;
        case 3: m.add(ConnectionId, QByteArray(4, char(rng.generate()))); break;
        case 4: m.addString(Username, QString(int(rng.bounded(40)), u'u')); break;
        default: m.add(quint16(rng.generate()), QByteArray(int(rng.bounded(70)), 'x'));
        }
    }
    return m.encode(rng.bounded(2) ? QByteArray("key") : QByteArray(), rng.bounded(2));
}

void mutate(QByteArray &data, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int e = 0; e < edits && !data.isEmpty(); ++e) {
        const int at = int(rng.bounded(data.size()));
        switch (rng.bounded(6)) {
        case 0: data[at] = char(data[at] ^ (1 << rng.bounded(8))); break;
        case 1: data.truncate(at); break;
        case 2: data.insert(at, QByteArray(int(rng.bounded(9)), char(rng.generate()))); break;
        case 3: if (data.size() > 4) { data[2] = char(rng.generate()); data[3] = char(rng.generate()); } break;
        case 4: if (at + 3 < data.size()) { data[at + 2] = char(0xff); data[at + 3] = char(rng.generate()); } break;
        default: data[at] = char(rng.generate());
        }
    }
}

} // namespace

void TestStunFuzz::mutatedMessages()
{
    QRandomGenerator rng(20240611);   // fixed seed: a failure is reproducible
    QElapsedTimer clock;
    clock.start();
    const int target = 300000;
    int done = 0, accepted = 0;
    for (; done < target && clock.elapsed() < 15000; ++done) {
        QByteArray data;
        if (done % 10 == 0) {
            data.resize(int(rng.bounded(120)));
            for (char &c : data)
                c = char(rng.generate());
        } else {
            data = seedMessage(rng);
            mutate(data, rng);
        }
        frameLength(data.constData(), int(data.size()));
        QString error;
        const auto m = Message::parse(data, &error);
        if (!m) {
            QVERIFY(!error.isEmpty());
            continue;
        }
        ++accepted;
        Message::verifyIntegrity(data, "key");
        Message::verifyFingerprint(data);
        for (const Attr &a : m->attributes())
            decodeXorAddress(a.value, m->transactionId());
        m->errorCode();
        m->u32(Lifetime);
        const auto again = Message::parse(m->encode(), nullptr);
        QVERIFY(again);
        QCOMPARE(again->attributes().size(), m->attributes().size());
    }
    qInfo("%d inputs in %lld ms, %d parsed as STUN", done, clock.elapsed(), accepted);
    QVERIFY(done >= 100000);   // the time bound must not hide that nearly nothing ran
    QVERIFY(accepted > 0);
}

QTEST_GUILESS_MAIN(TestStunFuzz)
#include "tst_stunfuzz.moc"

#include "stunmessage.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>

#include <zlib.h>

namespace mp2p::stun {

namespace {

constexpr quint32 kFingerprintXor = 0x5354554e;

quint16 typeFor(quint16 method, quint16 cls)
{
    return quint16((method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2)
                   | ((cls & 1) << 4) | ((cls & 2) << 7));
}

quint16 u16At(const char *p) { return qFromBigEndian<quint16>(p); }
quint32 u32At(const char *p) { return qFromBigEndian<quint32>(p); }

void putU16(QByteArray &out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void setLength(QByteArray &msg, int bodyLength)
{
    qToBigEndian(quint16(bodyLength), msg.data() + 2);
}

void appendAttr(QByteArray &out, quint16 type, const QByteArray &value)
{
    putU16(out, type);
    putU16(out, quint16(value.size()));
    out.append(value);
    out.append(QByteArray((4 - value.size() % 4) % 4, '\0'));
}

// Offset of the first attribute of |type| in a message that parse() accepted, or -1.
int attrOffset(const QByteArray &data, quint16 type)
{
    int pos = kHeaderSize;
    while (pos + 4 <= data.size()) {
        const quint16 t = u16At(data.constData() + pos);
        const int len = u16At(data.constData() + pos + 2);
        if (t == type)
            return pos;
        pos += 4 + len + (4 - len % 4) % 4;
    }
    return -1;
}

quint32 crc(const QByteArray &data, int length)
{
    return quint32(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()),
                         uInt(length)));
}

QByteArray hmacSha1(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha1);
}

} // namespace

Message::Message(quint16 method, quint16 cls, QByteArray transactionId)
    : m_method(method), m_class(cls),
      m_transactionId(transactionId.size() == 12 ? transactionId : newTransactionId())
{
}

QByteArray Message::newTransactionId()
{
    QByteArray id(12, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(id.data()),
                                         reinterpret_cast<quint32 *>(id.data()) + 3);
    return id;
}

void Message::addU32(quint16 type, quint32 value)
{
    QByteArray v;
    putU32(v, value);
    add(type, v);
}

void Message::addXorAddress(quint16 type, const Endpoint &endpoint)
{
    add(type, encodeXorAddress(endpoint, m_transactionId));
}

void Message::addErrorCode(int code, const QString &reason)
{
    QByteArray v(2, '\0');
    v.append(char(code / 100));
    v.append(char(code % 100));
    v.append(reason.toUtf8().left(763));
    add(ErrorCode, v);
}

void Message::addRequestedTransport(quint8 protocol)
{
    add(RequestedTransport, QByteArray(1, char(protocol)) + QByteArray(3, '\0'));
}

std::optional<QByteArray> Message::find(quint16 type) const
{
    for (const Attr &a : m_attributes)
        if (a.type == type)
            return a.value;
    return std::nullopt;
}

QList<QByteArray> Message::findAll(quint16 type) const
{
    QList<QByteArray> out;
    for (const Attr &a : m_attributes)
        if (a.type == type)
            out.append(a.value);
    return out;
}

std::optional<QString> Message::string(quint16 type) const
{
    const auto v = find(type);
    if (!v)
        return std::nullopt;
    return QString::fromUtf8(*v);
}

std::optional<quint32> Message::u32(quint16 type) const
{
    const auto v = find(type);
    if (!v || v->size() != 4)
        return std::nullopt;
    return u32At(v->constData());
}

std::optional<Endpoint> Message::xorAddress(quint16 type) const
{
    const auto v = find(type);
    if (!v)
        return std::nullopt;
    return decodeXorAddress(*v, m_transactionId);
}

QList<Endpoint> Message::xorAddresses(quint16 type) const
{
    QList<Endpoint> out;
    for (const QByteArray &v : findAll(type))
        if (const auto e = decodeXorAddress(v, m_transactionId))
            out.append(*e);
    return out;
}

int Message::errorCode() const
{
    const auto v = find(ErrorCode);
    if (!v || v->size() < 4)
        return 0;
    const int cls = quint8(v->at(2)) & 0x7;
    const int number = quint8(v->at(3));
    if (cls < 3 || cls > 6 || number > 99)
        return 0;
    return cls * 100 + number;
}

QString Message::errorReason() const
{
    const auto v = find(ErrorCode);
    return v && v->size() > 4 ? QString::fromUtf8(v->mid(4)) : QString();
}

QByteArray Message::encode(const QByteArray &integrityKey, bool fingerprint) const
{
    QByteArray out;
    out.reserve(kHeaderSize + 64);
    putU16(out, typeFor(m_method, m_class));
    putU16(out, 0);
    putU32(out, kMagicCookie);
    out.append(m_transactionId);
    for (const Attr &a : m_attributes)
        appendAttr(out, a.type, a.value);
    if (!integrityKey.isEmpty()) {
        setLength(out, out.size() - kHeaderSize + 24);
        appendAttr(out, MessageIntegrity, hmacSha1(integrityKey, out));
    }
    if (fingerprint) {
        setLength(out, out.size() - kHeaderSize + 8);
        QByteArray v;
        putU32(v, crc(out, out.size()) ^ kFingerprintXor);
        appendAttr(out, Fingerprint, v);
    }
    setLength(out, out.size() - kHeaderSize);
    return out;
}

std::optional<Message> Message::parse(const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<Message> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (data.size() < kHeaderSize)
        return fail(QStringLiteral("STUN message shorter than its 20-byte header"));
    const char *p = data.constData();
    const quint16 type = u16At(p);
    if (type & 0xc000)
        return fail(QStringLiteral("not a STUN message (first two bits are not zero)"));
    const int length = u16At(p + 2);
    if (length % 4 != 0)
        return fail(QStringLiteral("STUN length %1 is not a multiple of 4").arg(length));
    if (u32At(p + 4) != kMagicCookie)
        return fail(QStringLiteral("STUN magic cookie missing (RFC 3489 clients are not supported)"));
    if (data.size() != kHeaderSize + length)
        return fail(QStringLiteral("STUN length %1 does not match the %2 bytes received")
                        .arg(length).arg(data.size() - kHeaderSize));

    Message m;
    m.m_class = quint16(((type >> 4) & 1) | ((type >> 7) & 2));
    m.m_method = quint16((type & 0x000f) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0f80));
    m.m_transactionId = data.mid(8, 12);
    int pos = kHeaderSize;
    const int end = kHeaderSize + length;
    while (pos < end) {
        if (end - pos < 4)
            return fail(QStringLiteral("truncated STUN attribute header at byte %1").arg(pos));
        const quint16 attrType = u16At(p + pos);
        const int attrLen = u16At(p + pos + 2);
        const int padded = attrLen + (4 - attrLen % 4) % 4;
        if (padded > end - pos - 4)
            return fail(QStringLiteral("STUN attribute 0x%1 of %2 bytes runs past the message end")
                            .arg(attrType, 4, 16, QLatin1Char('0')).arg(attrLen));
        m.m_attributes.append({attrType, data.mid(pos + 4, attrLen)});
        pos += 4 + padded;
    }
    return m;
}

bool Message::verifyIntegrity(const QByteArray &data, const QByteArray &key)
{
    const int at = attrOffset(data, MessageIntegrity);
    if (at < 0 || at + 24 > data.size() || u16At(data.constData() + at + 2) != 20)
        return false;
    QByteArray covered = data.left(at);
    setLength(covered, at - kHeaderSize + 24);
    const QByteArray expected = hmacSha1(key, covered);
    // Constant-time comparison: a timing difference must not reveal a prefix of the MAC.
    const QByteArray got = data.mid(at + 4, 20);
    int diff = 0;
    for (int i = 0; i < 20; ++i)
        diff |= expected[i] ^ got[i];
    return diff == 0;
}

bool Message::verifyFingerprint(const QByteArray &data)
{
    const int at = attrOffset(data, Fingerprint);
    if (at < 0)
        return true;
    if (at + 8 != data.size() || u16At(data.constData() + at + 2) != 4)
        return false;   // FINGERPRINT must be the last attribute
    return (crc(data, at) ^ kFingerprintXor) == u32At(data.constData() + at + 4);
}

QByteArray encodeXorAddress(const Endpoint &endpoint, const QByteArray &transactionId)
{
    QByteArray v;
    const bool v6 = endpoint.address.protocol() == QAbstractSocket::IPv6Protocol;
    putU16(v, v6 ? 2 : 1);
    putU16(v, endpoint.port ^ quint16(kMagicCookie >> 16));
    if (!v6) {
        putU32(v, endpoint.address.toIPv4Address() ^ kMagicCookie);
        return v;
    }
    const Q_IPV6ADDR a = endpoint.address.toIPv6Address();
    QByteArray mask;
    putU32(mask, kMagicCookie);
    mask.append(transactionId);
    for (int i = 0; i < 16; ++i)
        v.append(char(a[i] ^ quint8(mask.at(i))));
    return v;
}

std::optional<Endpoint> decodeXorAddress(const QByteArray &value, const QByteArray &transactionId)
{
    if (value.size() < 4)
        return std::nullopt;
    const int family = quint8(value.at(1));
    Endpoint e;
    e.port = u16At(value.constData() + 2) ^ quint16(kMagicCookie >> 16);
    if (family == 1 && value.size() == 8) {
        e.address = QHostAddress(u32At(value.constData() + 4) ^ kMagicCookie);
        return e;
    }
    if (family == 2 && value.size() == 20 && transactionId.size() == 12) {
        QByteArray mask;
        putU32(mask, kMagicCookie);
        mask.append(transactionId);
        quint8 a[16];
        for (int i = 0; i < 16; ++i)
            a[i] = quint8(value.at(4 + i)) ^ quint8(mask.at(i));
        e.address = QHostAddress(a);
        return e;
    }
    return std::nullopt;
}

QByteArray longTermKey(const QString &username, const QString &realm, const QString &password)
{
    return QCryptographicHash::hash((username + u':' + realm + u':' + password).toUtf8(),
                                    QCryptographicHash::Md5);
}

QString restPassword(const QByteArray &secret, const QString &username)
{
    return QString::fromLatin1(hmacSha1(secret, username.toUtf8()).toBase64());
}

QString restUsername(qint64 expiryUnix, const QString &user)
{
    return QString::number(expiryUnix) + u':' + user;
}

int frameLength(const char *head, int available)
{
    if (available < 4)
        return 0;
    if (quint8(head[0]) & 0xc0)
        return -1;   // ChannelData (0x40..) is not used on TCP allocations; anything else is junk
    const int length = u16At(head + 2);
    if (length % 4 != 0)
        return -1;
    return kHeaderSize + length;
}

QString methodName(quint16 method)
{
    switch (method) {
    case Binding: return QStringLiteral("Binding");
    case Allocate: return QStringLiteral("Allocate");
    case Refresh: return QStringLiteral("Refresh");
    case CreatePermission: return QStringLiteral("CreatePermission");
    case Connect: return QStringLiteral("Connect");
    case ConnectionBind: return QStringLiteral("ConnectionBind");
    case ConnectionAttempt: return QStringLiteral("ConnectionAttempt");
    default: return QStringLiteral("method 0x%1").arg(method, 3, 16, QLatin1Char('0'));
    }
}

} // namespace mp2p::stun

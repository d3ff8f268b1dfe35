#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace mp2p {

// STUN/TURN message codec (RFC 5389, RFC 5766, RFC 6062). Debian has no maintained C++ STUN
// library that fits Qt, so this is a small codec: parse() checks every length against the
// buffer and returns an error for anything malformed; it never reads outside the input.
namespace stun {

constexpr quint32 kMagicCookie = 0x2112A442;
constexpr int kHeaderSize = 20;
constexpr int kMaxMessageSize = 65535 + kHeaderSize;   // 16-bit length field

enum Method : quint16 {
    Binding = 0x001, Allocate = 0x003, Refresh = 0x004, Send = 0x006, Data = 0x007,
    CreatePermission = 0x008, ChannelBind = 0x009,
    Connect = 0x00a, ConnectionBind = 0x00b, ConnectionAttempt = 0x00c,   // RFC 6062
};
enum Class : quint16 { Request = 0, Indication = 1, Success = 2, Error = 3 };

enum Attribute : quint16 {
    MappedAddress = 0x0001, Username = 0x0006, MessageIntegrity = 0x0008, ErrorCode = 0x0009,
    UnknownAttributes = 0x000a, ChannelNumber = 0x000c, Lifetime = 0x000d, XorPeerAddress = 0x0012,
    DataAttr = 0x0013, Realm = 0x0014, Nonce = 0x0015, XorRelayedAddress = 0x0016,
    RequestedTransport = 0x0019, XorMappedAddress = 0x0020, ConnectionId = 0x002a,
    Software = 0x8022, Fingerprint = 0x8028,
};
constexpr quint8 kTransportTcp = 6;
constexpr quint8 kTransportUdp = 17;

struct Endpoint {
    QHostAddress address;
    quint16 port = 0;
    bool operator==(const Endpoint &o) const { return address == o.address && port == o.port; }
};

struct Attr {
    quint16 type = 0;
    QByteArray value;
};

class Message {
public:
    Message() = default;
    Message(quint16 method, quint16 cls, QByteArray transactionId = {});

    quint16 method() const { return m_method; }
    quint16 messageClass() const { return m_class; }
    const QByteArray &transactionId() const { return m_transactionId; }
    static QByteArray newTransactionId();

    const QList<Attr> &attributes() const { return m_attributes; }
    void add(quint16 type, const QByteArray &value) { m_attributes.append({type, value}); }
    void addString(quint16 type, const QString &value) { add(type, value.toUtf8()); }
    void addU32(quint16 type, quint32 value);
    void addXorAddress(quint16 type, const Endpoint &endpoint);
    void addErrorCode(int code, const QString &reason);
    void addRequestedTransport(quint8 protocol);

    std::optional<QByteArray> find(quint16 type) const;
    QList<QByteArray> findAll(quint16 type) const;
    std::optional<QString> string(quint16 type) const;
    std::optional<quint32> u32(quint16 type) const;
    std::optional<Endpoint> xorAddress(quint16 type) const;
    QList<Endpoint> xorAddresses(quint16 type) const;
    int errorCode() const;          // 0 when there is none
    QString errorReason() const;

    // Serialises the attributes; with a key, appends MESSAGE-INTEGRITY (HMAC-SHA1 over the
    // message up to it, length field covering it); with fingerprint, appends FINGERPRINT last.
    QByteArray encode(const QByteArray &integrityKey = {}, bool fingerprint = false) const;

    // Parses one whole message (exactly one; trailing bytes are an error).
    static std::optional<Message> parse(const QByteArray &data, QString *error);

    // Checks MESSAGE-INTEGRITY of the raw message |data| with |key| (attributes after it other
    // than FINGERPRINT are ignored, as RFC 5389 §15.4 says). False when there is none.
    static bool verifyIntegrity(const QByteArray &data, const QByteArray &key);
    // Checks FINGERPRINT when present; a missing one is fine (returns true), a wrong one is not.
    static bool verifyFingerprint(const QByteArray &data);

private:
    quint16 m_method = 0;
    quint16 m_class = 0;
    QByteArray m_transactionId;
    QList<Attr> m_attributes;
};

QByteArray encodeXorAddress(const Endpoint &endpoint, const QByteArray &transactionId);
std::optional<Endpoint> decodeXorAddress(const QByteArray &value, const QByteArray &transactionId);

// Long-term credential key (RFC 5389 §15.4): MD5(username ":" realm ":" password). The
// password is used as given (no SASLprep; ours are ASCII).
QByteArray longTermKey(const QString &username, const QString &realm, const QString &password);

// "TURN REST API" ephemeral credentials (coturn --use-auth-secret): password =
// base64(HMAC-SHA1(secret, username)) where username = "<expiry-unix>:<user>".
QString restPassword(const QByteArray &secret, const QString &username);
QString restUsername(qint64 expiryUnix, const QString &user);

// TCP framing: how many bytes the message at the start of |head| (at least 4 bytes) needs in
// total, or -1 when the first bytes cannot start a STUN message (the stream is unusable).
int frameLength(const char *head, int available);

QString methodName(quint16 method);

} // namespace stun
} // namespace mp2p

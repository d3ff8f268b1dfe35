#include "receiptwire_lt.h"

#include <protocol/jsonfields.h>

#include <libtorrent/bdecode.hpp>
#include <libtorrent/bencode.hpp>

#include <iterator>

namespace mp2p {

namespace {

constexpr char HelloVersion = 1;
// A receipt dict has 10 entries (21 tokens); a handshake may carry other extensions' entries.
constexpr int ReceiptTokenLimit = 64;
constexpr int HandshakeTokenLimit = 2000;

std::string bytesOf(const QByteArray &b) { return std::string(b.constData(), std::size_t(b.size())); }
QByteArray bytesOf(lt::string_view s) { return QByteArray(s.data(), qsizetype(s.size())); }

QByteArray bencoded(const lt::entry &e)
{
    std::vector<char> out;
    lt::bencode(std::back_inserter(out), e);
    return QByteArray(out.data(), qsizetype(out.size()));
}

// A lower-case 40-hex id from a string node, or empty.
QString hexIdOf(const lt::bdecode_node &dict, const char *key)
{
    const QString value = QString::fromLatin1(bytesOf(dict.dict_find_string_value(key)));
    return isHex(value, 40) ? value : QString();
}

// An integer entry in [min, max], or nullopt when it is missing, not an integer or out of range.
std::optional<qint64> integerOf(const lt::bdecode_node &dict, const char *key, qint64 min, qint64 max)
{
    const lt::bdecode_node n = dict.dict_find_int(key);
    if (n.type() != lt::bdecode_node::int_t)
        return std::nullopt;
    const qint64 v = n.int_value();
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

std::optional<PeerType> roleOf(const lt::bdecode_node &dict, const char *key)
{
    return peerTypeFromName(QString::fromLatin1(bytesOf(dict.dict_find_string_value(key))));
}

} // namespace

QString wireProblemName(WireProblem problem)
{
    switch (problem) {
    case WireProblem::None: return QStringLiteral("none");
    case WireProblem::Malformed: return QStringLiteral("malformed");
    case WireProblem::Oversized: return QStringLiteral("oversized");
    case WireProblem::WrongVersion: return QStringLiteral("wrong_version");
    case WireProblem::BadIdentity: return QStringLiteral("bad_identity");
    case WireProblem::NotOffered: return QStringLiteral("not_offered");
    }
    return QStringLiteral("unknown");
}

void addHelloTo(lt::entry &handshake, const ReceiptHello &hello)
{
    handshake["m"][receiptwire::ExtensionName] = receiptwire::LocalMessageId;
    lt::entry &me = handshake[receiptwire::ExtensionName];
    me["v"] = HelloVersion;
    me["uid"] = hello.userId.toStdString();
    me["pk"] = bytesOf(hello.publicKey);
    me["role"] = peerTypeName(hello.role).toStdString();
}

QByteArray encodeHandshake(const ReceiptHello &hello)
{
    lt::entry e(lt::entry::dictionary_t);
    addHelloTo(e, hello);
    return bencoded(e);
}

std::optional<ReceiptHello> decodeHandshake(const QByteArray &handshake, WireProblem *problem)
{
    *problem = WireProblem::None;
    if (handshake.size() > receiptwire::MaxHandshakeBytes) {
        *problem = WireProblem::Oversized;
        return std::nullopt;
    }
    lt::error_code ec;
    const lt::bdecode_node root = lt::bdecode({handshake.constData(), handshake.size()}, ec, nullptr, 8, HandshakeTokenLimit);
    if (ec || root.type() != lt::bdecode_node::dict_t) {
        *problem = WireProblem::Malformed;
        return std::nullopt;
    }
    const lt::bdecode_node m = root.dict_find_dict("m");
    const lt::bdecode_node me = root.dict_find_dict(receiptwire::ExtensionName);
    const std::int64_t id = m.type() == lt::bdecode_node::dict_t ? m.dict_find_int_value(receiptwire::ExtensionName, 0) : 0;
    if (id == 0 && me.type() != lt::bdecode_node::dict_t) {
        *problem = WireProblem::NotOffered;  // BEP 10: id 0 means "disabled"
        return std::nullopt;
    }
    if (id < 1 || id > 255 || me.type() != lt::bdecode_node::dict_t) {
        *problem = WireProblem::Malformed;
        return std::nullopt;
    }
    if (me.dict_find_int_value("v", 0) != HelloVersion) {
        *problem = WireProblem::WrongVersion;
        return std::nullopt;
    }
    ReceiptHello hello;
    hello.messageId = int(id);
    hello.userId = hexIdOf(me, "uid");
    hello.publicKey = bytesOf(me.dict_find_string_value("pk"));
    const auto role = roleOf(me, "role");
    if (hello.userId.isEmpty() || !role || hello.publicKey.size() != KeyPair::PublicKeyBytes
        || userIdForPublicKey(hello.publicKey) != hello.userId) {
        *problem = WireProblem::BadIdentity;
        return std::nullopt;
    }
    hello.role = *role;
    return hello;
}

QByteArray encodeReceiptMessage(const Receipt &r)
{
    const ReceiptFields &f = r.fields;
    lt::entry e(lt::entry::dictionary_t);
    e["v"] = f.version;
    e["o"] = f.overlayId.toStdString();
    e["d"] = f.downloaderId.toStdString();
    e["u"] = f.uploaderId.toStdString();
    e["r"] = peerTypeName(f.uploaderRole).toStdString();
    e["s"] = std::int64_t(f.sequence);
    e["b"] = std::int64_t(f.bytes);
    e["t"] = std::int64_t(f.time);
    e["k"] = bytesOf(r.downloaderKey);
    e["g"] = bytesOf(r.signature);
    return bencoded(e);
}

std::optional<Receipt> decodeReceiptMessage(const QByteArray &payload, WireProblem *problem)
{
    *problem = WireProblem::None;
    if (payload.size() > receiptwire::MaxMessageBytes) {
        *problem = WireProblem::Oversized;
        return std::nullopt;
    }
    lt::error_code ec;
    const lt::bdecode_node d = lt::bdecode({payload.constData(), payload.size()}, ec, nullptr, 2, ReceiptTokenLimit);
    if (ec || d.type() != lt::bdecode_node::dict_t) {
        *problem = WireProblem::Malformed;
        return std::nullopt;
    }
    if (d.dict_find_int_value("v", 0) != receipt::Version) {
        *problem = WireProblem::WrongVersion;
        return std::nullopt;
    }
    Receipt r;
    ReceiptFields &f = r.fields;
    f.overlayId = hexIdOf(d, "o");
    f.downloaderId = hexIdOf(d, "d");
    f.uploaderId = hexIdOf(d, "u");
    const auto role = roleOf(d, "r");
    const auto sequence = integerOf(d, "s", 1, receipt::MaxInteger);
    const auto bytes = integerOf(d, "b", 0, receipt::MaxInteger);
    const auto time = integerOf(d, "t", 0, receipt::MaxInteger);
    r.downloaderKey = bytesOf(d.dict_find_string_value("k"));
    r.signature = bytesOf(d.dict_find_string_value("g"));
    if (f.overlayId.isEmpty() || f.downloaderId.isEmpty() || f.uploaderId.isEmpty() || !role || !sequence || !bytes
        || !time || r.downloaderKey.size() != KeyPair::PublicKeyBytes || r.signature.size() != KeyPair::SignatureBytes) {
        *problem = WireProblem::Malformed;
        return std::nullopt;
    }
    f.uploaderRole = *role;
    f.sequence = *sequence;
    f.bytes = *bytes;
    f.time = *time;
    return r;
}

} // namespace mp2p

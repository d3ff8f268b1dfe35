#include "byterange.h"

#include <QList>

namespace mp2p {

namespace {
// A non-negative decimal, or -1 (QByteArray::toLongLong would accept "+5" and " 5").
qint64 parseNumber(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    for (char c : text)
        if (c < '0' || c > '9')
            return -1;
    return text.toLongLong();
}
} // namespace

ByteRange ByteRange::parse(const QByteArray &header, qint64 fileSize)
{
    ByteRange whole;
    whole.last = fileSize - 1;
    ByteRange invalid;
    invalid.kind = Kind::Invalid;
    const QByteArray h = header.trimmed();
    if (!h.startsWith("bytes="))
        return whole;
    const QByteArray spec = h.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (spec.contains(','))
        return whole;
    if (dash < 0)
        return invalid;
    const QByteArray a = spec.left(dash).trimmed();
    const QByteArray b = spec.mid(dash + 1).trimmed();
    ByteRange r;
    r.kind = Kind::Partial;
    if (a.isEmpty()) {  // suffix: the last n bytes
        const qint64 n = parseNumber(b);
        if (n < 0)
            return invalid;
        if (n == 0 || fileSize == 0) {
            r.kind = Kind::Unsatisfiable;
            return r;
        }
        r.first = qMax<qint64>(0, fileSize - n);
        r.last = fileSize - 1;
        return r;
    }
    r.first = parseNumber(a);
    r.last = b.isEmpty() ? fileSize - 1 : parseNumber(b);
    if (r.first < 0 || r.last < 0 || (!b.isEmpty() && r.last < r.first))
        return invalid;
    if (r.first >= fileSize) {
        r.kind = Kind::Unsatisfiable;
        return r;
    }
    r.last = qMin(r.last, fileSize - 1);
    return r;
}

} // namespace mp2p

#pragma once

#include <QByteArray>

namespace mp2p {

// The one byte range of an HTTP `Range: bytes=...` header, resolved against a file size.
struct ByteRange {
    enum class Kind {
        Whole,          // no Range header, or one we do not serve (several ranges, other units):
                        // RFC 9110 lets a server ignore it and answer 200
        Partial,        // first..last (inclusive) are within the file: 206
        Unsatisfiable,  // starts at or past the end: 416
        Invalid,        // a bytes range that does not parse (reversed, signed, junk, too long): 416,
                        // so a broken client learns its mistake instead of getting the whole file
    };
    Kind kind = Kind::Whole;
    qint64 first = 0;
    qint64 last = -1;  // inclusive

    qint64 length() const { return last - first + 1; }

    // Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` (the last n bytes).
    static ByteRange parse(const QByteArray &header, qint64 fileSize);
};

} // namespace mp2p

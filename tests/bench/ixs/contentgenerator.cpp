#include "contentgenerator.h"

#include <flowhelpers.h>

#include <QSet>

#include <algorithm>

namespace mp2p::bench {

quint64 BenchRng::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int BenchRng::bounded(int n)
{
    return int(next() % quint64(n));
}

double BenchRng::unit()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);  // 53 random bits
}

namespace {

// Syllables that make pronounceable, unambiguous ASCII words (one FTS5 token each).
const char *const Onsets[] = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "pl", "gr", "sh"};
const char *const Vowels[] = {"a", "e", "i", "o", "u", "ai", "ou"};

QStringList madeUpWords(int count, quint64 seed)
{
    BenchRng rng(seed);
    QStringList out;
    QSet<QString> seen;
    const int onsets = int(std::size(Onsets));
    const int vowels = int(std::size(Vowels));
    // Bounded: the syllable space (140^2 + 140^3 words) is far larger than any count asked for.
    for (int attempt = 0; out.size() < count && attempt < count * 20; ++attempt) {
        QString word;
        const int syllables = 2 + rng.bounded(2);
        for (int s = 0; s < syllables; ++s)
            word += QLatin1String(Onsets[rng.bounded(onsets)]) + QLatin1String(Vowels[rng.bounded(vowels)]);
        if (!seen.contains(word)) {
            seen.insert(word);
            out.append(word);
        }
    }
    return out;
}

QString words(const Vocabulary &v, BenchRng &rng, int min, int max)
{
    QStringList out;
    const int n = min + rng.bounded(max - min + 1);
    for (int i = 0; i < n; ++i)
        out.append(v.zipfWord(rng));
    return out.join(QLatin1Char(' '));
}

} // namespace

Vocabulary::Vocabulary(int words, int tags)
    : m_words(madeUpWords(words, 0x5eed0001))
    , m_tags(madeUpWords(tags, 0x5eed0002))
    , m_wordWeights(zipfCumulative(int(m_words.size())))
    , m_tagWeights(zipfCumulative(int(m_tags.size())))
{
}

std::vector<double> Vocabulary::zipfCumulative(int count)
{
    std::vector<double> cumulative(static_cast<size_t>(count));
    double sum = 0;
    for (int r = 0; r < count; ++r) {
        sum += 1.0 / double(r + 1);
        cumulative[size_t(r)] = sum;
    }
    for (double &c : cumulative)
        c /= sum;
    return cumulative;
}

int Vocabulary::zipfIndex(const std::vector<double> &cumulative, BenchRng &rng)
{
    const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), rng.unit());
    return int(std::min<ptrdiff_t>(it - cumulative.begin(), ptrdiff_t(cumulative.size()) - 1));
}

QStringList makeOwners(int count, BenchRng &rng)
{
    QStringList owners;
    for (int i = 0; i < count; ++i) {
        QByteArray id(20, Qt::Uninitialized);
        for (char &c : id)
            c = char(rng.bounded(256));
        owners.append(QString::fromLatin1(id.toHex()));
    }
    return owners;
}

ContentRecord makeRecord(qint64 index, const Vocabulary &vocabulary, const QStringList &owners, BenchRng &rng)
{
    const test::FakeTorrent torrent = test::fakeTorrent(int(index));
    ContentRecord r;
    r.id = QString::number(rng.next(), 16).rightJustified(16, QLatin1Char('0'))
           + QString::number(rng.next(), 16).rightJustified(16, QLatin1Char('0'));
    r.title = words(vocabulary, rng, 3, 8);
    r.description = words(vocabulary, rng, 10, 40);
    const int tagCount = 1 + rng.bounded(4);
    for (int i = 0; i < tagCount; ++i) {
        const QString tag = vocabulary.zipfTag(rng);
        if (!r.tags.contains(tag))
            r.tags.append(tag);
    }
    r.totalSize = 1000 + index;  // what fakeTorrent(index) describes
    r.files = {ContentFile{QStringLiteral("file-%1.bin").arg(index), r.totalSize}};
    r.infoHashV1 = torrent.infoHashV1;
    r.overlayId = torrent.infoHashV1;
    r.omsUrl = QStringLiteral("http://127.0.0.1:7800");
    r.owner = owners.at(rng.bounded(int(owners.size())));
    r.createdAt = 1700000000 + index * 30;
    r.updatedAt = r.createdAt;
    r.torrent = torrent.bytes;
    return r;
}

QList<BenchQuery> makeQueries(int count, const Vocabulary &vocabulary, BenchRng &rng)
{
    QList<BenchQuery> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        BenchQuery q;
        q.text = vocabulary.uniformWord(rng);
        if (rng.bounded(10) < 4)
            q.text += QLatin1Char(' ') + vocabulary.uniformWord(rng);
        const int pageDraw = rng.bounded(10);
        q.page = pageDraw < 7 ? 1 : pageDraw < 9 ? 2 : 3 + rng.bounded(3);
        out.append(q);
    }
    return out;
}

} // namespace mp2p::bench

#pragma once

#include <p2psp/ixs/contentrecord.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace mp2p::bench {

// A small deterministic generator (splitmix64): the same seed gives the same records and
// queries on every machine and library version, unlike std:: distributions, whose output is
// implementation-defined.
class BenchRng {
public:
    explicit BenchRng(quint64 seed) : m_state(seed) {}
    quint64 next();
    int bounded(int n);   // 0 .. n-1
    double unit();        // [0, 1)

private:
    quint64 m_state;
};

// The fixed vocabulary the benchmark's titles, descriptions, tags and queries come from:
// made-up words of two or three syllables, always the same list (its own constant seed).
// Content words follow a Zipf law (word r has weight 1/r), as words in real titles do, so a
// few words are in most records and most words are in few.
class Vocabulary {
public:
    Vocabulary(int words, int tags);

    const QStringList &words() const { return m_words; }
    QString zipfWord(BenchRng &rng) const { return m_words.at(zipfIndex(m_wordWeights, rng)); }
    QString zipfTag(BenchRng &rng) const { return m_tags.at(zipfIndex(m_tagWeights, rng)); }
    QString uniformWord(BenchRng &rng) const { return m_words.at(rng.bounded(int(m_words.size()))); }

private:
    static std::vector<double> zipfCumulative(int count);
    static int zipfIndex(const std::vector<double> &cumulative, BenchRng &rng);

    QStringList m_words;
    QStringList m_tags;
    std::vector<double> m_wordWeights;
    std::vector<double> m_tagWeights;
};

// One content record per index, as a publisher would register it: a title of 3-8 words, a
// description of 10-40 words, 1-4 tags, one file and a real (tiny) .torrent whose info-hash
// is the record's infoHashV1. The record depends only on the RNG state and the index.
ContentRecord makeRecord(qint64 index, const Vocabulary &vocabulary, const QStringList &owners, BenchRng &rng);

// Owner user ids (40 hex), fixed by the RNG.
QStringList makeOwners(int count, BenchRng &rng);

// A search as a user would type it: one word (60 %) or two (40 %) picked uniformly from the
// vocabulary (so most are rare words and a few are very common ones), and a page: 1 (70 %),
// 2 (20 %) or 3-5 (10 %), 20 results per page.
struct BenchQuery {
    QString text;
    int page = 1;
};
QList<BenchQuery> makeQueries(int count, const Vocabulary &vocabulary, BenchRng &rng);

} // namespace mp2p::bench

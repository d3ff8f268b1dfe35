#include "ringfilter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>
#include <vector>

namespace mp2p {

namespace {

// The graph with users numbered 0..n-1 and edges in compressed rows (by signer).
struct Graph {
    QList<QString> names;
    std::vector<int> from;       // per edge
    std::vector<int> to;         // per edge
    std::vector<qint64> weight;  // per edge
    std::vector<int> rowStart;   // n + 1 entries: edges of node v are order[rowStart[v]..rowStart[v+1])
    std::vector<int> order;      // edge indices sorted by signer
};

Graph buildGraph(const QList<CreditEdge> &edges)
{
    Graph g;
    QHash<QString, int> ids;
    ids.reserve(edges.size());
    const auto idOf = [&](const QString &name) {
        const auto it = ids.constFind(name);
        if (it != ids.cend())
            return *it;
        const int id = int(g.names.size());
        ids.insert(name, id);
        g.names.append(name);
        return id;
    };
    for (const CreditEdge &e : edges) {
        if (e.bytes <= 0 || e.signer == e.uploader)
            continue;  // self-dealing earns nothing, and an empty edge proves nothing
        g.from.push_back(idOf(e.signer));
        g.to.push_back(idOf(e.uploader));
        g.weight.push_back(e.bytes);
    }
    const int n = int(g.names.size());
    g.rowStart.assign(size_t(n) + 1, 0);
    for (int f : g.from)
        ++g.rowStart[size_t(f) + 1];
    for (int v = 0; v < n; ++v)
        g.rowStart[size_t(v) + 1] += g.rowStart[size_t(v)];
    g.order.resize(g.from.size());
    std::vector<int> fill(g.rowStart.begin(), g.rowStart.end() - 1);
    for (int e = 0; e < int(g.from.size()); ++e)
        g.order[size_t(fill[size_t(g.from[size_t(e)])]++)] = e;
    return g;
}

// Tarjan's SCC algorithm with an explicit stack; returns the component of every node.
std::vector<int> components(const Graph &g, int *count)
{
    const int n = int(g.names.size());
    std::vector<int> index(size_t(n), -1), low(size_t(n), 0), comp(size_t(n), -1);
    std::vector<char> onStack(size_t(n), 0);
    std::vector<int> stack;
    std::vector<std::pair<int, int>> call;  // (node, next edge position in its row)
    int nextIndex = 0;
    *count = 0;
    for (int root = 0; root < n; ++root) {
        if (index[size_t(root)] >= 0)
            continue;
        call.push_back({root, g.rowStart[size_t(root)]});
        index[size_t(root)] = low[size_t(root)] = nextIndex++;
        stack.push_back(root);
        onStack[size_t(root)] = 1;
        while (!call.empty()) {
            auto &[v, pos] = call.back();
            if (pos < g.rowStart[size_t(v) + 1]) {
                const int w = g.to[size_t(g.order[size_t(pos++)])];
                if (index[size_t(w)] < 0) {
                    index[size_t(w)] = low[size_t(w)] = nextIndex++;
                    stack.push_back(w);
                    onStack[size_t(w)] = 1;
                    call.push_back({w, g.rowStart[size_t(w)]});
                } else if (onStack[size_t(w)]) {
                    low[size_t(v)] = std::min(low[size_t(v)], index[size_t(w)]);
                }
                continue;
            }
            const int done = v;
            call.pop_back();
            if (!call.empty())
                low[size_t(call.back().first)] = std::min(low[size_t(call.back().first)], low[size_t(done)]);
            if (low[size_t(done)] == index[size_t(done)]) {
                int w = -1;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[size_t(w)] = 0;
                    comp[size_t(w)] = *count;
                } while (w != done);
                ++*count;
            }
        }
    }
    return comp;
}

} // namespace

QHash<QString, qint64> countedCredit(const QList<CreditEdge> &edges, RingStats *stats)
{
    QElapsedTimer timer;
    timer.start();
    const Graph g = buildGraph(edges);
    const int n = int(g.names.size());
    int count = 0;
    const std::vector<int> comp = components(g, &count);
    std::vector<int> size(size_t(count), 0);
    for (int c : comp)
        ++size[size_t(c)];

    std::vector<qint64> outsideIn(size_t(n), 0), insideIn(size_t(n), 0);
    std::vector<qint64> ringInside(size_t(count), 0), ringOutside(size_t(count), 0);
    for (size_t e = 0; e < g.from.size(); ++e) {
        const int d = g.from[e], u = g.to[e];
        const int c = comp[size_t(u)];
        // Byte counts are below 2^53 each (receipt::MaxInteger); sums saturate rather than wrap.
        const auto add = [](qint64 &sum, qint64 w) { sum = sum > std::numeric_limits<qint64>::max() - w ? std::numeric_limits<qint64>::max() : sum + w; };
        if (size[size_t(c)] >= 2 && comp[size_t(d)] == c) {
            add(insideIn[size_t(u)], g.weight[e]);
            add(ringInside[size_t(c)], g.weight[e]);
        } else {
            add(outsideIn[size_t(u)], g.weight[e]);
            if (size[size_t(c)] >= 2)
                add(ringOutside[size_t(c)], g.weight[e]);
        }
    }

    QHash<QString, qint64> out;
    out.reserve(n);
    for (int u = 0; u < n; ++u) {
        const int c = comp[size_t(u)];
        qint64 counted = outsideIn[size_t(u)];
        if (insideIn[size_t(u)] > 0) {
            // The ring's internal credit is scaled down to at most its outside credit, each
            // member keeping its share of the internal credit it received.
            const qint64 inside = ringInside[size_t(c)];
            const qint64 allowed = std::min(inside, ringOutside[size_t(c)]);
            counted += qint64((__int128(insideIn[size_t(u)]) * allowed) / inside);
        }
        if (counted > 0)
            out.insert(g.names.at(u), counted);
    }
    if (stats) {
        stats->users = n;
        stats->edges = qsizetype(g.from.size());
        stats->rings = 0;
        stats->ringUsers = 0;
        for (int s : size) {
            if (s >= 2) {
                ++stats->rings;
                stats->ringUsers += s;
            }
        }
        stats->computeMs = timer.elapsed();
    }
    return out;
}

} // namespace mp2p

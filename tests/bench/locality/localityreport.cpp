#include "localityreport.h"

#include <algorithm>
#include <cstdio>

namespace mp2p::bench {

namespace {

QString mib(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(bytes / 1048576.0, 0, 'f', 1);
}

QString labelOf(const LocalityResult &result, const QString &address)
{
    for (const PeerResult &p : result.peers)
        if (p.address == address)
            return p.label;
    return address;
}

QSet<QString> dialedBy(const LocalityResult &result, const QString &address)
{
    for (const PeerResult &p : result.peers)
        if (p.address == address)
            return p.dialed;
    return {};
}

bool isGateway(const LocalityResult &result, const QString &address)
{
    return result.gateways.value(ispOf(address)).contains(address);
}

// "b2 4.1 MiB (gateway 0.1-13.0 s)" for every peer of `isp` that received cross bytes.
QString pullers(const LocalityResult &result, int isp, qint64 *count)
{
    QStringList out;
    *count = 0;
    for (const PeerResult &p : result.peers) {
        if (p.seed || ispOf(p.address) != isp)
            continue;
        qint64 cross = 0;
        for (auto it = p.bytesByAddress.begin(); it != p.bytesByAddress.end(); ++it)
            if (ispOf(it.key()) != isp)
                cross += it.value();
        if (cross == 0)
            continue;
        ++*count;
        QString text = QStringLiteral("%1 %2").arg(p.label, mib(cross));
        const auto span = result.gateways.value(isp).value(p.address, LocalityResult::Span{});
        if (span.first >= 0)
            text += QStringLiteral(" (gateway %1-%2 s)").arg(span.first, 0, 'f', 1).arg(span.last, 0, 'f', 1);
        QStringList remote;
        for (const QString &a : p.dialed)
            if (ispOf(a) != isp)
                remote.append(labelOf(result, a));
        remote.sort();
        if (!remote.isEmpty())
            text += QStringLiteral(" [dialed out to %1]").arg(remote.join(QLatin1Char(' ')));
        out.append(text);
    }
    return out.join(QStringLiteral(", "));
}

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
}

} // namespace

CrossFigures crossFigures(const LocalityResult &result, qint64 contentBytes)
{
    CrossFigures f;
    f.content = contentBytes;
    f.limit = contentBytes * 2;
    f.seconds = result.seconds;
    QHash<QString, qint64> links;
    for (const PeerResult &p : result.peers) {
        if (p.seed)
            continue;
        f.expected += contentBytes;
        const int own = ispOf(p.address);
        for (auto it = p.bytesByAddress.begin(); it != p.bytesByAddress.end(); ++it) {
            f.received += it.value();
            if (ispOf(it.key()) == own)
                continue;
            f.cross += it.value();
            f.inbound[own] += it.value();
            if (isGateway(result, p.address))
                f.toGateways += it.value();
            if (it.key() == QLatin1String("127.1.0.1"))
                f.fromSeed += it.value();
            else if (isGateway(result, it.key()))
                f.fromGateways += it.value();
            else
                f.fromOthers += it.value();
            if (p.dialed.contains(it.key()))
                f.pulled += it.value();
            else if (dialedBy(result, it.key()).contains(p.address))
                f.pushed += it.value();
            links[QStringLiteral("%1 <- %2").arg(p.label, labelOf(result, it.key()))] += it.value();
        }
    }
    f.crossRatio = f.limit > 0 ? double(f.cross) / double(f.limit) : 0;
    for (auto it = links.begin(); it != links.end(); ++it)
        f.topLinks.append({it.key(), it.value()});
    std::sort(f.topLinks.begin(), f.topLinks.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return f;
}

void printRun(const LocalityResult &result, const CrossFigures &f)
{
    const QString name = modeName(result.mode);
    if (!result.complete) {
        line(QStringLiteral("%1: INCOMPLETE: %2").arg(name, result.problem));
        return;
    }
    line(QStringLiteral("%1: cross-ISP %2 = %3 x limit (%4); all complete in %5 s")
             .arg(name, mib(f.cross)).arg(f.crossRatio, 0, 'f', 2).arg(mib(f.limit)).arg(f.seconds, 0, 'f', 1));
    line(QStringLiteral("  counted %1 of %2 expected (%3); %4% of all bytes crossed ISPs")
             .arg(f.received).arg(f.expected).arg(f.received == f.expected ? QStringLiteral("exact") : QStringLiteral("NOT exact"))
             .arg(f.received > 0 ? 100.0 * f.cross / f.received : 0, 0, 'f', 1));
    line(QStringLiteral("  cross bytes received in ISP A %1, B %2 (%3 copies), C %4 (%5 copies)")
             .arg(mib(f.inbound[1]), mib(f.inbound[2])).arg(double(f.inbound[2]) / f.content, 0, 'f', 2)
             .arg(mib(f.inbound[3])).arg(double(f.inbound[3]) / f.content, 0, 'f', 2));
    line(QStringLiteral("  cross bytes sent by the seed %1, by gateways %2, by other peers %3")
             .arg(mib(f.fromSeed), mib(f.fromGateways), mib(f.fromOthers)));
    line(QStringLiteral("  cross bytes over connections the receiver dialed %1, the sender dialed %2, unknown %3")
             .arg(mib(f.pulled), mib(f.pushed), mib(f.cross - f.pulled - f.pushed)));
    if (result.mode == RankingMode::Managed) {
        line(QStringLiteral("  cross bytes into peers the OMS made gateways %1, into other leechers %2")
                 .arg(mib(f.toGateways), mib(f.cross - f.toGateways)));
        for (int isp = 2; isp <= 3; ++isp) {
            qint64 count = 0;
            const QString list = pullers(result, isp, &count);
            line(QStringLiteral("  ISP %1: %2 peer(s) received cross bytes: %3").arg(QChar(u'A' + isp - 1)).arg(count).arg(list));
        }
    }
    QStringList top;
    for (int i = 0; i < f.topLinks.size() && i < 8; ++i)
        top.append(QStringLiteral("%1 %2").arg(f.topLinks.at(i).first, mib(f.topLinks.at(i).second)));
    line(QStringLiteral("  largest cross links (%1 in all): %2").arg(f.topLinks.size()).arg(top.join(QStringLiteral(", "))));
    QStringList times;
    for (const PeerResult &p : result.peers)
        if (!p.seed)
            times.append(QStringLiteral("%1 %2").arg(p.label).arg(p.completedSecs, 0, 'f', 1));
    line(QStringLiteral("  completion s: %1").arg(times.join(QStringLiteral(", "))));
}

bool printComparison(const CrossFigures &random, const CrossFigures &managed)
{
    const double crossRatio = random.cross > 0 ? double(managed.cross) / double(random.cross) : 0;
    const double timeRatio = random.seconds > 0 ? managed.seconds / random.seconds : 0;
    const bool crossGoal = managed.crossRatio <= 1.25;
    const bool timeGoal = managed.seconds <= random.seconds;
    line(QStringLiteral("managed/random: cross-ISP bytes %1, completion time %2")
             .arg(crossRatio, 0, 'f', 3).arg(timeRatio, 0, 'f', 2));
    line(QStringLiteral("goal cross-ISP <= 1.25 x limit: %1 (%2 x)").arg(crossGoal ? QStringLiteral("MET") : QStringLiteral("MISSED")).arg(managed.crossRatio, 0, 'f', 2));
    line(QStringLiteral("goal completion no worse than random: %1 (%2 s vs %3 s)")
             .arg(timeGoal ? QStringLiteral("MET") : QStringLiteral("MISSED")).arg(managed.seconds, 0, 'f', 1).arg(random.seconds, 0, 'f', 1));
    return crossGoal && timeGoal;
}

} // namespace mp2p::bench

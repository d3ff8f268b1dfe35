#include "progressprinter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstdio>
#include <unistd.h>

namespace mp2p {

ProgressPrinter::ProgressPrinter(bool json)
    : m_json(json)
    , m_tty(::isatty(STDOUT_FILENO) == 1)
{
}

QString ProgressPrinter::humanBytes(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1String(units[unit]));
}

QString ProgressPrinter::humanDuration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("--:--");
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg((seconds / 60) % 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject ProgressPrinter::toJson(const TransferStatus &s)
{
    return {{QStringLiteral("infoHash"), s.infoHash},     {QStringLiteral("name"), s.name},
            {QStringLiteral("state"), transferStateName(s.state)},
            {QStringLiteral("progress"), s.progress},     {QStringLiteral("totalWanted"), s.totalWanted},
            {QStringLiteral("totalDone"), s.totalDone},   {QStringLiteral("downloadRate"), s.downloadRate},
            {QStringLiteral("uploadRate"), s.uploadRate}, {QStringLiteral("peers"), s.peers},
            {QStringLiteral("seeds"), s.seeds},           {QStringLiteral("uploaded"), s.uploaded},
            {QStringLiteral("downloaded"), s.downloaded}, {QStringLiteral("savePath"), s.savePath},
            {QStringLiteral("error"), s.error}};
}

void ProgressPrinter::event(const QString &name, const QJsonObject &fields)
{
    if (!m_json) {
        // Text: "published: contentId cc03…, infoHash ea31…" (nested values as compact JSON).
        QStringList parts;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble())
                text = QString::number(v.toDouble(), 'g', 15);
            else if (v.isBool())
                text = v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
            else
                text = QString::fromUtf8((v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Compact));
            parts.append(it.key() + QLatin1Char(' ') + text);
        }
        message(name + QStringLiteral(": ") + parts.join(QStringLiteral(", ")));
        return;
    }
    QJsonObject o = fields;
    o.insert(QStringLiteral("event"), name);
    o.insert(QStringLiteral("time"), QDateTime::currentSecsSinceEpoch());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void ProgressPrinter::progress(const TransferStatus &s)
{
    if (m_json) {
        event(QStringLiteral("progress"), toJson(s));
        return;
    }
    const qint64 eta = s.downloadRate > 0 ? s.left / s.downloadRate : -1;
    const QString line = QStringLiteral("%1  %2%  %3/s down  %4/s up  %5 peers  ETA %6  %7")
                             .arg(s.name.left(32), -32)
                             .arg(s.progress * 100, 5, 'f', 1)
                             .arg(humanBytes(s.downloadRate), 10)
                             .arg(humanBytes(s.uploadRate), 10)
                             .arg(s.peers, 3)
                             .arg(s.state == TransferState::Seeding ? QStringLiteral("done") : humanDuration(eta))
                             .arg(transferStateName(s.state));
    if (m_tty) {
        std::printf("\r%s\033[K", qPrintable(line));
        m_liveLineOpen = true;
    } else {
        // Not a terminal (a log, a pipe): one line every few seconds instead of redrawing.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastPlainLineMs < 5000 && s.state != TransferState::Seeding)
            return;
        m_lastPlainLineMs = now;
        std::printf("%s\n", qPrintable(line));
    }
    std::fflush(stdout);
}

void ProgressPrinter::endLiveLine()
{
    if (m_liveLineOpen) {
        std::printf("\n");
        m_liveLineOpen = false;
    }
}

void ProgressPrinter::message(const QString &text)
{
    if (m_json) {
        event(QStringLiteral("message"), {{QStringLiteral("text"), text}});
        return;
    }
    endLiveLine();
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

void ProgressPrinter::error(const QString &text)
{
    endLiveLine();
    if (m_json)
        event(QStringLiteral("error"), {{QStringLiteral("text"), text}});
    std::fprintf(stderr, "mp2p: %s\n", qPrintable(text));
    std::fflush(stderr);
}

} // namespace mp2p

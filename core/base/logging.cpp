#include "logging.h"

#include <QDateTime>

#include <cstdio>

namespace mp2p {

namespace {
void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *level = "info";
    switch (type) {
    case QtDebugMsg: level = "debug"; break;
    case QtInfoMsg: level = "info"; break;
    case QtWarningMsg: level = "warning"; break;
    case QtCriticalMsg: level = "error"; break;
    case QtFatalMsg: level = "fatal"; break;
    }
    const QByteArray line = QStringLiteral("%1 %2 [%3] %4\n")
                                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                     QLatin1String(level),
                                     QLatin1String(context.category ? context.category : "default"),
                                     message)
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}
} // namespace

bool installLogging(const QString &level, QString *error)
{
    QString rules;
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("*.debug=true");
    else if (level == QLatin1String("info"))
        rules = QStringLiteral("*.debug=false\n*.info=true");
    else if (level == QLatin1String("warning"))
        rules = QStringLiteral("*.debug=false\n*.info=false");
    else if (level == QLatin1String("error"))
        rules = QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    else {
        if (error)
            *error = QStringLiteral("unknown log level '%1' (use debug, info, warning or error)").arg(level);
        return false;
    }
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(writeLine);
    return true;
}

} // namespace mp2p

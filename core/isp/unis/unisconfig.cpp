#include "unisconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mp2p {

std::optional<double> UnisConfig::cost(const QString &src, const QString &dst) const
{
    const auto row = links.constFind(src);
    if (row != links.constEnd()) {
        const auto it = row->constFind(dst);
        if (it != row->constEnd()) {
            if (it->policy == QLatin1String("deny"))
                return std::nullopt;
            return it->cost;
        }
    }
    if (src == dst)
        return samePidCost;
    return defaultCost;
}

std::optional<UnisConfig> UnisConfig::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto config = parse(file.readAll(), &why);
    if (!config) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    // TLS files named relative to the config file, so a config folder can be moved whole.
    const QDir base = QFileInfo(path).absoluteDir();
    if (!config->tlsCertificate.isEmpty())
        config->tlsCertificate = base.absoluteFilePath(config->tlsCertificate);
    if (!config->tlsKey.isEmpty())
        config->tlsKey = base.absoluteFilePath(config->tlsKey);
    return config;
}

QPair<int, int> lineAndColumn(const QByteArray &text, int offset)
{
    int line = 1;
    int column = 1;
    const int end = qBound(0, offset, int(text.size()));
    for (int i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace mp2p

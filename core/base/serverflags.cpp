#include "serverflags.h"

#include <QSaveFile>

namespace mp2p {

bool parsePortFlag(const QString &flag, const QString &text, quint16 *port, QString *error)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535) {
        *error = QStringLiteral("%1: '%2' is not a port number (0..65535)").arg(flag, text);
        return false;
    }
    *port = quint16(value);
    return true;
}

bool parseAddressFlag(const QString &flag, const QString &text, QHostAddress *address, QString *error)
{
    if (address->setAddress(text))
        return true;
    *error = QStringLiteral("%1: '%2' is not an IP address").arg(flag, text);
    return false;
}

bool writePortFile(const QString &path, quint16 port, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write the port file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace mp2p

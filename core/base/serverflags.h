#pragma once

#include <QHostAddress>
#include <QString>

namespace mp2p {

// Command-line values every server program reads the same way; messages name the flag.
bool parsePortFlag(const QString &flag, const QString &text, quint16 *port, QString *error);
bool parseAddressFlag(const QString &flag, const QString &text, QHostAddress *address, QString *error);
// Writes the bound port (atomically) for scripts and tests that started the server on port 0.
bool writePortFile(const QString &path, quint16 port, QString *error);

} // namespace mp2p

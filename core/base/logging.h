#pragma once

#include <QLoggingCategory>
#include <QString>

namespace mp2p {

// Levels accepted on the command line and in config files: debug, info, warning, error.
// Returns false (and leaves logging as it was) for an unknown level name.
bool installLogging(const QString &level, QString *error = nullptr);

} // namespace mp2p

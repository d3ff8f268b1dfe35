#pragma once

#include <QLoggingCategory>

namespace mp2p {
Q_DECLARE_LOGGING_CATEGORY(lcPams)  // "mp2p.pams", defined in pamsmessages.cpp
}

#pragma once

#include "ixsstore.h"

#include <base/apierror.h>

#include <QUrlQuery>

#include <optional>

namespace mp2p {

inline constexpr int MaxSearchTextChars = 500;
inline constexpr int MaxPage = 1000000;

// Reads `q`, `tag`, `owner`, `sort`, `page` and `perPage` of GET /ixs/v1/content.
// Out-of-range or malformed values give a 400 naming the parameter instead of a guess.
std::optional<ContentQuery> parseContentQuery(const QUrlQuery &params, ApiError *error);

} // namespace mp2p

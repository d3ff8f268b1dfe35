#pragma once

#include <base/apierror.h>

#include <QStringList>

#include <optional>

namespace mp2p {

// A record's omsUrl is where every downloader announces with its passkey, so it must be one of
// the provider's own OMS URLs (same scheme, host and port): a record naming another host would
// send the provider's users, and their credentials, to whoever runs it. Empty `providerOms`:
// not checked (the IXS does not know the OMS; the host warns).
std::optional<ApiError> checkProviderOmsUrl(const QString &omsUrl, const QStringList &providerOms);

} // namespace mp2p

#pragma once

#include <QString>

#include <functional>

namespace mp2p {

// What the PAMS says about a volunteer's consent to serve as a cache ("cs") or relay ("rs").
// Unknown means the OMS could not find out (yet): a remote PAMS was not asked before or did not
// answer. The OMS fails closed: only Yes lets a volunteer's resource serve.
struct ConsentAnswer {
    enum class State { Yes, No, Unknown };
    State state = State::Unknown;
    QString why;  // for No / Unknown: a sentence for the volunteer

    bool granted() const { return state == State::Yes; }
    static ConsentAnswer yes() { return {State::Yes, {}}; }
    static ConsentAnswer no(QString why = {}) { return {State::No, std::move(why)}; }
    static ConsentAnswer unknown(QString why) { return {State::Unknown, std::move(why)}; }
};

// Must answer at once (never wait on the network): the in-process PAMS's store, or a cache of a
// remote PAMS's answers (host/remoteconsentcheck.h).
using VolunteerConsentCheck = std::function<ConsentAnswer(const QString &userId, const QString &type)>;

} // namespace mp2p

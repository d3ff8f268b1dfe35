#pragma once

#include <p2psp/pams/consentrecord.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace mp2p {

class ConsentStore;
class VolunteerController;

// "Volunteer idle resources": the desktop's consent dialog (issue 7, BRIEF §4). Volunteering is
// off until the user ticks a role here and presses "I agree"; the dialog first spells out what
// will be shared with whom under the limits chosen (the text follows every change), so the
// consent is informed. Agreeing records a signed grant through the VolunteerController (which
// then starts the role inside the chosen hours and sends the record to the PAMS); unticking a
// consented role, or "Stop volunteering", records a signed revocation and stops it at once.
class VolunteerDialog : public QDialog {
    Q_OBJECT
public:
    VolunteerDialog(VolunteerController *controller, const ConsentStore *store, QWidget *parent = nullptr);

    // The plain-language statement of what the current choices share (shown above the buttons).
    QString disclosure() const;
    VolunteerLimits limitsFor(VolunteerRoleKind role) const;
    bool roleChosen(VolunteerRoleKind role) const;
    QString lastError() const { return m_lastError; }

    // Test hooks: the same as ticking boxes and pressing the buttons.
    QCheckBox *relayBox() const { return m_relay; }
    QCheckBox *cacheBox() const { return m_cache; }
    QSpinBox *uploadBox() const { return m_uploadKiB; }
    QSpinBox *diskBox() const { return m_diskGiB; }
    QSpinBox *maxRelayedBox() const { return m_maxRelayed; }
    QSpinBox *fromHourBox() const { return m_fromHour; }
    QSpinBox *toHourBox() const { return m_toHour; }
    QPushButton *agreeButton() const { return m_agree; }
    QPushButton *stopAllButton() const { return m_stopAll; }

private:
    void loadCurrentConsent();
    void updateDisclosure();
    void agree();
    void stopAll();
    bool apply(VolunteerRoleKind role, bool wanted);

    VolunteerController *m_controller;
    const ConsentStore *m_store;
    QCheckBox *m_relay = nullptr;
    QCheckBox *m_cache = nullptr;
    QSpinBox *m_uploadKiB = nullptr;
    QSpinBox *m_diskGiB = nullptr;
    QSpinBox *m_maxRelayed = nullptr;
    QSpinBox *m_fromHour = nullptr;
    QSpinBox *m_toHour = nullptr;
    QLabel *m_disclosure = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_agree = nullptr;
    QPushButton *m_stopAll = nullptr;
    QString m_lastError;
};

} // namespace mp2p

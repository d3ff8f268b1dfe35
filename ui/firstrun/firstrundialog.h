#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace mp2p {

struct AppSettings;

// Shown once, when no service is configured: either a provider's URL, or the embedded
// P2PSP + UNIS running in this process for this machine and the LAN. It also shows the
// user's identity (short id, with Copy) as soon as the peer has created it.
class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Local, ProviderUrl };

    explicit FirstRunDialog(QWidget *parent = nullptr);

    Choice choice() const;
    QString providerUrl() const;
    void setChoice(Choice choice);
    void setProviderUrl(const QString &url);
    // The full 40-hex user id; shown shortened, copied in full.
    void setUserId(const QString &userId);
    QString userId() const { return m_userId; }
    QString shownUserId() const;
    QString problemShown() const;   // the message under the URL field, empty when none
    // Writes the choice into the settings (provider mode + URL) and marks the first run done.
    void applyTo(AppSettings *settings) const;

    static QString shortUserId(const QString &userId);

    void accept() override;

public Q_SLOTS:
    void copyUserId();

private:
    void updateEnabled();

    QRadioButton *m_local = nullptr;
    QRadioButton *m_provider = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_id = nullptr;
    QPushButton *m_copy = nullptr;
    QString m_userId;
};

} // namespace mp2p

#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace mp2p {

class Publisher;

// Page 1: a file or a folder to publish.
class PublishSourcePage : public QWizardPage {
    Q_OBJECT
public:
    explicit PublishSourcePage(QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;
    QString problemShown() const;
    void setSource(const QString &path, bool isFolder);

private:
    void browse();

    QRadioButton *m_file = nullptr;
    QRadioButton *m_folder = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_problem = nullptr;
};

// Page 2: what people will find in search (title 1–200, description ≤ 5000, ≤ 32 tags of
// 1–64 characters: the IXS limits from docs/PROTOCOL.md, checked here so the user hears it
// before hashing starts). The commit page: after it, Publish starts.
class PublishDetailsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit PublishDetailsPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    QString problemShown() const;
    QStringList tags() const;
    QString description() const;

    static QString checkTitle(const QString &title);
    static QString checkDescription(const QString &description);
    static QString checkTags(const QStringList &tags);
    static QStringList splitTags(const QString &text);

private:
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLineEdit *m_tags = nullptr;
    QLabel *m_problem = nullptr;
};

// Page 3: runs the publication (hashing happens off the GUI thread in the core) with a busy
// bar, then shows the content id or the error with a Retry button.
class PublishProgressPage : public QWizardPage {
    Q_OBJECT
public:
    PublishProgressPage(Publisher *publisher, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

    bool busy() const { return m_busy; }
    QString contentId() const { return m_contentId; }
    QString infoHash() const { return m_infoHash; }
    QString error() const { return m_error; }
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void published(const QString &contentId, const QString &infoHash);

private:
    void start();
    void onPublished(const QString &contentId, const QString &infoHash);
    void onFailed(const QString &problem);

    Publisher *m_publisher;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QLineEdit *m_result = nullptr;
    QPushButton *m_retry = nullptr;
    bool m_busy = false;
    QString m_contentId;
    QString m_infoHash;
    QString m_error;
};

} // namespace mp2p

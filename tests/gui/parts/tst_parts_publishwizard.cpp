// The publish wizard against a fake publisher: validation on each page, success, failure
// and retry. Driven through the wizard's own buttons, like a user.
#include "accessibility.h"

#include <publish/publisher.h>
#include <publish/publishpages.h>
#include <publish/publishwizard.h>

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mp2p;

namespace {

// Records requests; answers when the test says so (as the real core does, later).
class FakePublisher : public Publisher {
public:
    QList<PublishRequest> requests;
    void publish(const PublishRequest &request) override { requests.append(request); }
};

} // namespace

class TestPublishWizard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_file;

    static void next(QWizard &wizard)
    {
        QAbstractButton *button = wizard.button(QWizard::NextButton);
        if (wizard.currentPage()->isCommitPage())
            button = wizard.button(QWizard::CommitButton);
        QVERIFY(button->isEnabled());
        button->click();
    }
    void fillFirstTwoPages(PublishWizard &wizard, const QString &title)
    {
        auto *path = wizard.findChild<QLineEdit *>(QStringLiteral("path"));
        QTest::keyClicks(path, m_file);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::DetailsPage));
        auto *titleEdit = wizard.findChild<QLineEdit *>(QStringLiteral("title"));
        QCOMPARE(titleEdit->text(), QStringLiteral("clip.mkv"));  // proposed from the file name
        titleEdit->setText(title);
        wizard.findChild<QPlainTextEdit *>(QStringLiteral("description"))->setPlainText(QStringLiteral("A short clip."));
        wizard.findChild<QLineEdit *>(QStringLiteral("tags"))->setText(QStringLiteral("video, demo , video,,"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("clip.mkv"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'c'));
    }

    void sourcePageRefusesBadPaths()
    {
        FakePublisher publisher;
        PublishWizard wizard(&publisher);
        wizard.show();
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());  // empty path
        auto *path = wizard.findChild<QLineEdit *>(QStringLiteral("path"));
        path->setText(m_dir.filePath(QStringLiteral("missing.mkv")));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::SourcePage));
        QVERIFY(!wizard.sourcePage()->problemShown().isEmpty());
        // A folder while "A file" is chosen.
        path->setText(m_dir.path());
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::SourcePage));
        wizard.setPath(m_dir.path(), true);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::DetailsPage));
        QVERIFY(publisher.requests.isEmpty());
    }

    void pagesAreKeyboardAndScreenReaderFriendly()
    {
        FakePublisher publisher;
        PublishWizard wizard(&publisher);
        QCOMPARE(inaccessibleControls(wizard.sourcePage()), QStringList());
        QCOMPARE(inaccessibleControls(wizard.detailsPage()), QStringList());
        QCOMPARE(inaccessibleControls(wizard.progressPage()), QStringList());
    }

    void detailsPageChecksTitleAndTags()
    {
        QCOMPARE(PublishDetailsPage::checkTitle(QStringLiteral("  ")).isEmpty(), false);
        QVERIFY(PublishDetailsPage::checkTitle(QString(200, QLatin1Char('t'))).isEmpty());
        QVERIFY(!PublishDetailsPage::checkTitle(QString(201, QLatin1Char('t'))).isEmpty());
        QVERIFY(!PublishDetailsPage::checkTags(QStringList{QString(65, QLatin1Char('x'))}).isEmpty());
        QStringList many;
        for (int i = 0; i < 33; ++i)
            many.append(QString::number(i));
        QVERIFY(!PublishDetailsPage::checkTags(many).isEmpty());

        FakePublisher publisher;
        PublishWizard wizard(&publisher);
        wizard.show();
        fillFirstTwoPages(wizard, QString(201, QLatin1Char('t')));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::DetailsPage));
        QVERIFY(wizard.detailsPage()->problemShown().contains(QStringLiteral("200")));
        QVERIFY(publisher.requests.isEmpty());  // nothing published with a bad title
        wizard.findChild<QLineEdit *>(QStringLiteral("title"))->clear();
        QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());  // mandatory field
    }

    void successShowsTheContentId()
    {
        FakePublisher publisher;
        PublishWizard wizard(&publisher);
        QSignalSpy published(&wizard, &PublishWizard::published);
        wizard.show();
        fillFirstTwoPages(wizard, QStringLiteral("  My clip  "));
        next(wizard);
        QCOMPARE(wizard.currentId(), int(PublishWizard::ProgressPage));
        QCOMPARE(publisher.requests.size(), 1);
        const PublishRequest r = publisher.requests.first();
        QCOMPARE(r.path, m_file);
        QCOMPARE(r.title, QStringLiteral("My clip"));
        QCOMPARE(r.description, QStringLiteral("A short clip."));
        QCOMPARE(r.tags, (QStringList{QStringLiteral("video"), QStringLiteral("demo")}));
        auto *bar = wizard.findChild<QProgressBar *>();
        QCOMPARE(bar->maximum(), 0);  // busy
        QVERIFY(wizard.progressPage()->busy());
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());

        Q_EMIT publisher.published(QStringLiteral("content-42"), QStringLiteral("ab").repeated(20));
        QVERIFY(!wizard.progressPage()->busy());
        QCOMPARE(wizard.findChild<QLineEdit *>(QStringLiteral("contentId"))->text(), QStringLiteral("content-42"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.first().first().toString(), QStringLiteral("content-42"));
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
    }

    void failureShowsTheErrorAndRetries()
    {
        FakePublisher publisher;
        PublishWizard wizard(&publisher);
        QSignalSpy published(&wizard, &PublishWizard::published);
        wizard.show();
        fillFirstTwoPages(wizard, QStringLiteral("Clip"));
        next(wizard);
        Q_EMIT publisher.failed(QStringLiteral("the IXS did not register the content: duplicate"));
        QCOMPARE(wizard.progressPage()->error(), QStringLiteral("the IXS did not register the content: duplicate"));
        auto *status = wizard.findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(status->text().contains(QStringLiteral("duplicate")));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(wizard.progressPage()->retryButton()->isVisible());
        QVERIFY(published.isEmpty());
        // A late second answer for the failed attempt changes nothing.
        Q_EMIT publisher.published(QStringLiteral("late"), QString());
        QVERIFY(published.isEmpty());

        wizard.progressPage()->retryButton()->click();
        QCOMPARE(publisher.requests.size(), 2);
        QVERIFY(wizard.progressPage()->busy());
        Q_EMIT publisher.published(QStringLiteral("content-43"), QString());
        QCOMPARE(published.size(), 1);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    }
};

QTEST_MAIN(TestPublishWizard)
#include "tst_parts_publishwizard.moc"

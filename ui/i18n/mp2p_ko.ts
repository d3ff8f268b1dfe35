<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>mp2p</name>
    <message>
        <location filename="../player/externalplayer.cpp" line="28"/>
        <source>No program is set to open web addresses. Set a player command (for example &quot;mpv&quot;) in Settings, or copy the stream URL into your player.</source>
        <translation>웹 주소를 여는 프로그램이 설정되어 있지 않습니다. 설정에서 플레이어 명령(예: "mpv")을 지정하거나 스트림 URL을 플레이어에 복사해 넣으세요.</translation>
    </message>
    <message>
        <location filename="../player/externalplayer.cpp" line="35"/>
        <source>The player command &quot;%1&quot; is empty after parsing; set a program such as &quot;mpv&quot;.</source>
        <translation>플레이어 명령 "%1"을(를) 해석하니 비어 있습니다. "mpv" 같은 프로그램을 지정하세요.</translation>
    </message>
    <message>
        <location filename="../player/externalplayer.cpp" line="49"/>
        <source>Could not start &quot;%1&quot;: is it installed and on the PATH?</source>
        <translation>"%1"을(를) 시작할 수 없습니다. 설치되어 있고 PATH에 있는지 확인하세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::Autostart</name>
    <message>
        <location filename="../settings/autostart.cpp" line="63"/>
        <source>Cannot remove %1. Delete it by hand to stop starting at login.</source>
        <translation>%1을(를) 지울 수 없습니다. 로그인할 때 시작하지 않게 하려면 이 파일을 직접 지우세요.</translation>
    </message>
    <message>
        <location filename="../settings/autostart.cpp" line="69"/>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../settings/autostart.cpp" line="74"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::ContributionView</name>
    <message>
        <location filename="../views/contributionview.cpp" line="18"/>
        <source>Credited (MiB)</source>
        <translation>인정된 기여량(MiB)</translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="34"/>
        <source>Credit: not known yet</source>
        <translation>크레딧: 아직 알 수 없음</translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="37"/>
        <source>Contribution chart</source>
        <translation>기여 차트</translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="69"/>
        <source>Credit balance: %1 (%2 overlays)</source>
        <translation>크레딧 잔액: %1 (오버레이 %2개)</translation>
    </message>
    <message>
        <location filename="../views/contributionview.cpp" line="75"/>
        <source>Credit: %1</source>
        <translation>크레딧: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::DetailsPane</name>
    <message>
        <location filename="../views/detailspane.cpp" line="32"/>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="35"/>
        <source>&amp;General</source>
        <translation>일반(&amp;G)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="36"/>
        <source>F&amp;iles</source>
        <translation>파일(&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="37"/>
        <source>P&amp;eers</source>
        <translation>피어(&amp;E)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="38"/>
        <source>&amp;Overlay</source>
        <translation>오버레이(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="39"/>
        <source>Transfer details sections</source>
        <translation>전송 세부 정보 구역</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="43"/>
        <source>Transfer details</source>
        <translation>전송 세부 정보</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="49"/>
        <location filename="../views/detailspane.cpp" line="276"/>
        <source>The priority was not changed</source>
        <translation>우선순위를 바꾸지 못했습니다</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Saved in:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="66"/>
        <source>Info-hash / overlay:</source>
        <translation>정보 해시 / 오버레이:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>Overlay manager (OMS):</source>
        <translation>오버레이 관리 서버(OMS):</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="67"/>
        <source>Downloaded / uploaded:</source>
        <translation>받은 양 / 보낸 양:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="68"/>
        <source>Peers:</source>
        <translation>피어:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="68"/>
        <source>Last error:</source>
        <translation>마지막 오류:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="72"/>
        <source>Pieces:</source>
        <translation>조각:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="83"/>
        <source>Files of the transfer</source>
        <translation>전송에 포함된 파일</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="92"/>
        <source>Play the selected file while it downloads</source>
        <translation>선택한 파일을 받는 동안 재생합니다</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="101"/>
        <source>Priority: &amp;High</source>
        <translation>우선순위: 높음(&amp;H)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="102"/>
        <source>Priority: &amp;Normal</source>
        <translation>우선순위: 보통(&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="103"/>
        <source>Priority: &amp;Skip (do not download)</source>
        <translation>우선순위: 건너뛰기(받지 않음)(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="112"/>
        <location filename="../views/detailspane.cpp" line="113"/>
        <source>File actions</source>
        <translation>파일 작업</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="129"/>
        <source>Connected peers</source>
        <translation>연결된 피어</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="144"/>
        <source>Overlay id:</source>
        <translation>오버레이 ID:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="145"/>
        <source>Managed by (OMS):</source>
        <translation>관리 서버(OMS):</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="146"/>
        <source>Swarm (as the OMS sees it):</source>
        <translation>스웜(OMS 기준):</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="147"/>
        <source>Peers the OMS lists:</source>
        <translation>OMS가 알려 준 피어:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="148"/>
        <source>Last asked:</source>
        <translation>마지막 조회:</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="232"/>
        <source>Select a transfer to see its details.</source>
        <translation>세부 정보를 보려면 전송을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="244"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../views/detailspane.cpp" line="245"/>
        <source>%1 connected, %2 seeds; downloading from %3, uploading to %4</source>
        <translation>%1개 연결, 시드 %2개, %3개에서 받는 중, %4개에 보내는 중</translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="28"/>
        <source>The OMS does not know this overlay (a transfer added outside the managed service).</source>
        <translation>OMS가 이 오버레이를 모릅니다(관리형 서비스 밖에서 추가된 전송입니다).</translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="30"/>
        <source>The OMS could not be asked: %1</source>
        <translation>OMS에 물어볼 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../views/detailspaneoverlay.cpp" line="32"/>
        <source>%1 seeds, %2 leechers</source>
        <translation>시드 %1개, 리처 %2개</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/detailspaneoverlay.cpp" line="60"/>
        <source>%n peer(s) besides you</source>
        <translation>
            <numerusform>나 말고 피어 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::FileListModel</name>
    <message>
        <location filename="../models/filelistmodel.cpp" line="69"/>
        <source>This file is no longer part of a running transfer.</source>
        <translation>이 파일은 더 이상 진행 중인 전송에 속하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="87"/>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="89"/>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="90"/>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="165"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="166"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="167"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../models/filelistmodel.cpp" line="168"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
</context>
<context>
    <name>mp2p::FirstRunDialog</name>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="21"/>
        <source>Welcome to mp2p</source>
        <translation>mp2p에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="22"/>
        <source>mp2p shares files through a managed peer-to-peer service. Choose where that service runs. You can change this later in Settings.</source>
        <translation>mp2p는 관리형 P2P 서비스를 통해 파일을 공유합니다. 이 서비스를 어디에서 실행할지 고르세요. 나중에 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="26"/>
        <source>&amp;Run locally (this machine / LAN)</source>
        <translation>로컬에서 실행(이 컴퓨터 / LAN)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="27"/>
        <source>Run locally</source>
        <translation>로컬에서 실행</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="28"/>
        <source>mp2p starts its own services inside the app: the user directory (who you are), the content index (what can be found), the overlay manager (who has which content) and the activity service, plus a network map for one region. Other computers on your network can use them too.</source>
        <translation>mp2p가 앱 안에서 자체 서비스를 시작합니다. 사용자 디렉터리(사용자 확인), 콘텐츠 색인(찾을 수 있는 콘텐츠), 오버레이 관리자(누가 어떤 콘텐츠를 가졌는지), 활동 서비스, 그리고 한 지역의 네트워크 지도입니다. 같은 네트워크의 다른 컴퓨터도 이 서비스를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="35"/>
        <source>Use a &amp;provider URL</source>
        <translation>서비스 제공자 URL 사용(&amp;P)</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="36"/>
        <source>Use a provider URL</source>
        <translation>서비스 제공자 URL 사용</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="39"/>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="44"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="53"/>
        <source>Your identity:</source>
        <translation>내 ID:</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="54"/>
        <source>created when mp2p first connects…</source>
        <translation>mp2p가 처음 연결할 때 만들어집니다…</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="56"/>
        <source>Your user id</source>
        <translation>내 사용자 ID</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="57"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../firstrun/firstrundialog.cpp" line="58"/>
        <source>Copy your user id</source>
        <translation>내 사용자 ID 복사</translation>
    </message>
</context>
<context>
    <name>mp2p::Format</name>
    <message>
        <location filename="../models/format.cpp" line="17"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="25"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="27"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="29"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location filename="../models/format.cpp" line="30"/>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
</context>
<context>
    <name>mp2p::MainWindow</name>
    <message>
        <location filename="../mainwindow.cpp" line="39"/>
        <source>mp2p</source>
        <translation>mp2p</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="40"/>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="41"/>
        <source>&amp;Transfers</source>
        <translation>전송(&amp;T)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="42"/>
        <source>Main views</source>
        <translation>주 화면</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="44"/>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="45"/>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="46"/>
        <source>Contribution</source>
        <translation>기여</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="47"/>
        <source>Transfer details and speed</source>
        <translation>전송 세부 정보와 속도</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="74"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="75"/>
        <source>&amp;Open .torrent…</source>
        <translation>.torrent 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="77"/>
        <source>&amp;Publish a file or folder…</source>
        <translation>파일 또는 폴더 게시(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="81"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="84"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="85"/>
        <source>&amp;Find content…</source>
        <translation>콘텐츠 찾기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="88"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="90"/>
        <source>&amp;Volunteer idle resources…</source>
        <translation>유휴 자원 자원봉사(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="92"/>
        <source>T&amp;ransfers</source>
        <translation>전송(&amp;R)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="102"/>
        <source>Provider: starting…</source>
        <translation>제공자: 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="103"/>
        <source>Provider state</source>
        <translation>제공자 상태</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="105"/>
        <source>Total rates</source>
        <translation>전체 속도</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="108"/>
        <source>Network region</source>
        <translation>네트워크 지역</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="111"/>
        <source>Your user id (click to copy)</source>
        <translation>내 사용자 ID(눌러서 복사)</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="112"/>
        <source>Your user id; click to copy it</source>
        <translation>내 사용자 ID입니다. 눌러서 복사하세요</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="118"/>
        <source>Your credit balance</source>
        <translation>내 크레딧 잔액</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="119"/>
        <location filename="../mainwindowcredit.cpp" line="36"/>
        <source>Credit the provider&apos;s PAMS grants you for uploading; refreshed every minute</source>
        <translation>업로드한 만큼 제공자의 PAMS가 인정해 준 크레딧입니다. 1분마다 새로 고칩니다</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="130"/>
        <location filename="../mainwindow.cpp" line="186"/>
        <source>Provider: embedded</source>
        <translation>제공자: 내장</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="130"/>
        <source>No provider URL is set, so the P2PSP services and a one-region UNIS run inside this app at %1.</source>
        <translation>제공자 URL이 설정되지 않아 P2PSP 서비스와 단일 지역 UNIS가 이 앱 안의 %1에서 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="134"/>
        <source>Provider: not running</source>
        <translation>제공자: 실행 안 됨</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="138"/>
        <location filename="../mainwindow.cpp" line="189"/>
        <source>Provider: unreachable</source>
        <translation>제공자: 연결할 수 없음</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="138"/>
        <source> — retrying in the background.</source>
        <translation> — 백그라운드에서 다시 시도합니다.</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="158"/>
        <source>Transfer error: %1</source>
        <translation>전송 오류: %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="161"/>
        <source>The operation failed</source>
        <translation>작업에 실패했습니다</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="164"/>
        <source>Downloading %1</source>
        <translation>%1 받는 중</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="168"/>
        <source>Completed: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="171"/>
        <source>Region: %1</source>
        <translation>지역: %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="179"/>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="183"/>
        <location filename="../mainwindow.cpp" line="186"/>
        <source>Provider: connected</source>
        <translation>제공자: 연결됨</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="183"/>
        <source>Logged in at %1</source>
        <translation>%1에 로그인함</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="187"/>
        <source>The provider answers again.</source>
        <translation>제공자가 다시 응답합니다.</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="189"/>
        <source>The provider does not answer; transfers go on peer-to-peer, and mp2p retries.</source>
        <translation>제공자가 응답하지 않습니다. 전송은 피어 간에 계속되며 mp2p가 다시 시도합니다.</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="196"/>
        <source>Ready: logged in as %1</source>
        <translation>준비됨: %1(으)로 로그인함</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="203"/>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="211"/>
        <location filename="../mainwindowparts.cpp" line="30"/>
        <location filename="../mainwindowparts.cpp" line="76"/>
        <location filename="../mainwindowtorrents.cpp" line="87"/>
        <source>Not connected yet</source>
        <translation>아직 연결되지 않음</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="211"/>
        <source>mp2p is not logged in at the provider yet. Wait until the status bar says connected, then try again.</source>
        <translation>mp2p가 아직 제공자에 로그인하지 않았습니다. 상태 표시줄에 연결됨이 나타나면 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="215"/>
        <source>Starting %1…</source>
        <translation>%1 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../mainwindow.cpp" line="249"/>
        <source>Your user id was copied to the clipboard.</source>
        <translation>사용자 ID를 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="30"/>
        <source>Publishing needs a login at the provider. Wait until the status bar says connected.</source>
        <translation>게시하려면 제공자에 로그인해야 합니다. 상태 표시줄에 연결됨이 나타날 때까지 기다리세요.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="38"/>
        <source>Published; seeding it now.</source>
        <translation>게시했습니다. 지금 시딩합니다.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="44"/>
        <location filename="../mainwindowparts.cpp" line="66"/>
        <location filename="../mainwindowparts.cpp" line="84"/>
        <source>Not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="44"/>
        <source>This build has no publish wizard; use: mp2p publish PATH</source>
        <translation>이 빌드에는 게시 마법사가 없습니다. mp2p publish PATH 명령을 쓰세요</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="61"/>
        <source>Settings saved and applied. A new provider or language takes effect at the next start.</source>
        <translation>설정을 저장하고 적용했습니다. 새 제공자나 언어는 다음 시작 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="66"/>
        <source>This build has no settings dialog; edit %1 instead.</source>
        <translation>이 빌드에는 설정 창이 없습니다. 대신 %1을(를) 편집하세요.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="76"/>
        <source>Volunteering needs a login at the provider. Wait until the status bar says connected.</source>
        <translation>자원봉사를 하려면 제공자에 로그인해야 합니다. 상태 표시줄에 연결됨이 표시될 때까지 기다리세요.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="84"/>
        <source>This build has no volunteer dialog; use: mp2p volunteer --help</source>
        <translation>이 빌드에는 자원봉사 대화 상자가 없습니다. 다음을 사용하세요: mp2p volunteer --help</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="103"/>
        <source>The scheduled (alternative) rate limits apply now.</source>
        <translation>지금부터 예약된(대체) 속도 제한이 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="104"/>
        <source>The normal rate limits apply now.</source>
        <translation>지금부터 일반 속도 제한이 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../mainwindowparts.cpp" line="111"/>
        <source>The listen address was not changed</source>
        <translation>수신 주소를 바꾸지 못했습니다</translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="52"/>
        <source>Open .torrent files</source>
        <translation>.torrent 파일 열기</translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="52"/>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>토렌트 파일 (*.torrent);;모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../mainwindowtorrents.cpp" line="73"/>
        <source>Cannot open the .torrent file</source>
        <translation>
            <numerusform>.torrent 파일을 열 수 없습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../mainwindowtorrents.cpp" line="75"/>
        <source>Joining %n transfer(s) from .torrent files…</source>
        <translation>
            <numerusform>.torrent 파일의 전송 %n개에 참여하는 중…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../mainwindowtorrents.cpp" line="87"/>
        <source>mp2p is not logged in at the provider yet, so the magnet link cannot be opened. Try again once the status bar says connected.</source>
        <translation>mp2p가 아직 제공자에 로그인하지 않아 마그넷 링크를 열 수 없습니다. 상태 표시줄에 연결됨이 나타나면 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="24"/>
        <source>this provider keeps no credit</source>
        <translation>이 제공자는 크레딧을 관리하지 않습니다</translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="25"/>
        <source>Credit: –</source>
        <translation>크레딧: –</translation>
    </message>
    <message>
        <location filename="../mainwindowcredit.cpp" line="35"/>
        <source>Credit: %1</source>
        <translation>크레딧: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::ManagedPeerPublisher</name>
    <message>
        <location filename="../publish/publisher.cpp" line="26"/>
        <source>The peer has stopped; restart mp2p and try again.</source>
        <translation>피어가 멈췄습니다. mp2p를 다시 시작한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::PeerListModel</name>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="110"/>
        <source>Relayed</source>
        <translation>중계</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="110"/>
        <source>Direct</source>
        <translation>직접</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="111"/>
        <source>incoming</source>
        <translation>들어옴</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="111"/>
        <source>outgoing</source>
        <translation>나감</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="112"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="114"/>
        <source>, uTP</source>
        <translation>, uTP</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="116"/>
        <source>, encrypted</source>
        <translation>, 암호화됨</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="147"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="163"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="164"/>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="165"/>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="166"/>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="167"/>
        <source>Down</source>
        <translation>받기</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="168"/>
        <source>Up</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="169"/>
        <source>Has</source>
        <translation>보유</translation>
    </message>
    <message>
        <location filename="../models/peerlistmodel.cpp" line="170"/>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
</context>
<context>
    <name>mp2p::PiecesBar</name>
    <message>
        <location filename="../views/piecesbar.cpp" line="12"/>
        <source>Pieces</source>
        <translation>조각</translation>
    </message>
    <message>
        <location filename="../views/piecesbar.cpp" line="27"/>
        <source>No piece information</source>
        <translation>조각 정보 없음</translation>
    </message>
    <message>
        <location filename="../views/piecesbar.cpp" line="28"/>
        <source>%1 of %2 pieces downloaded, %3 in progress</source>
        <translation>조각 %2개 중 %1개 받음, %3개 받는 중</translation>
    </message>
</context>
<context>
    <name>mp2p::PlayerWindow</name>
    <message>
        <location filename="../player/playerwindow.cpp" line="109"/>
        <source>This peer has no file %1 in transfer %2; it may have been removed.</source>
        <translation>이 피어의 전송 %2에는 파일 %1이(가) 없습니다. 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="112"/>
        <source>%1 — Player</source>
        <translation>%1 — 플레이어</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="122"/>
        <source>Buffering the start of the file…</source>
        <translation>파일 앞부분을 버퍼링하는 중…</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="134"/>
        <location filename="../player/playerwindow.cpp" line="281"/>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="162"/>
        <source>Buffering more of the file before playing…</source>
        <translation>재생하기 전에 파일을 더 버퍼링하는 중…</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="166"/>
        <source>Cannot play this file: %1. It may not be a media file this player knows; try &quot;Open in external player&quot;.</source>
        <translation>이 파일을 재생할 수 없습니다: %1. 이 플레이어가 모르는 미디어 파일일 수 있습니다. "외부 플레이어로 열기"를 시도하세요.</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="167"/>
        <source>unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="201"/>
        <source>Nothing to open: the stream did not start.</source>
        <translation>열 것이 없습니다. 스트림이 시작되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="206"/>
        <source>Opened in the external player. The stream stays available while this peer runs.</source>
        <translation>외부 플레이어로 열었습니다. 이 피어가 실행되는 동안 스트림을 계속 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="214"/>
        <source>Stream URL copied: %1</source>
        <translation>스트림 URL을 복사했습니다: %1</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="285"/>
        <source>Buffering: waiting for pieces of the file…</source>
        <translation>버퍼링: 파일 조각을 기다리는 중…</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="292"/>
        <source>End of the file.</source>
        <translation>파일의 끝입니다.</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="295"/>
        <source>not a media file, or a format this player does not know</source>
        <translation>미디어 파일이 아니거나 이 플레이어가 모르는 형식입니다</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="306"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="306"/>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="330"/>
        <source>Downloaded %1 %</source>
        <translation>%1 % 내려받음</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="332"/>
        <source>player buffer %1 %</source>
        <translation>플레이어 버퍼 %1 %</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="335"/>
        <source>waited for pieces %1 s</source>
        <translation>조각 대기 시간 %1초</translation>
    </message>
    <message>
        <location filename="../player/playerwindow.cpp" line="337"/>
        <source>waiting now</source>
        <translation>지금 기다리는 중</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="18"/>
        <source>Player</source>
        <translation>플레이어</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="19"/>
        <source>Media player</source>
        <translation>미디어 플레이어</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="23"/>
        <source>Playing file</source>
        <translation>재생 중인 파일</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="27"/>
        <source>Video</source>
        <translation>비디오</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="32"/>
        <source>Player message</source>
        <translation>플레이어 메시지</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="37"/>
        <source>Position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="39"/>
        <source>Duration</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="41"/>
        <source>Seek</source>
        <translation>탐색</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="42"/>
        <source>Seek (Left/Right: 5 seconds)</source>
        <translation>탐색 (왼쪽/오른쪽: 5초)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="48"/>
        <source>Play or pause</source>
        <translation>재생 또는 일시 정지</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="49"/>
        <source>Play or pause (Space)</source>
        <translation>재생 또는 일시 정지 (Space)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="51"/>
        <source>Volume</source>
        <translation>음량</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="52"/>
        <source>Volume (Up/Down; M mutes)</source>
        <translation>음량 (위/아래, M은 음소거)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="57"/>
        <source>&amp;Volume</source>
        <translation>음량(&amp;V)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="59"/>
        <source>Open in &amp;external player</source>
        <translation>외부 플레이어로 열기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="60"/>
        <source>Open in external player</source>
        <translation>외부 플레이어로 열기</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="61"/>
        <source>Hand the stream URL to another player (for example mpv or VLC)</source>
        <translation>스트림 URL을 다른 플레이어(예: mpv, VLC)에 넘깁니다</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="62"/>
        <source>&amp;Copy stream URL</source>
        <translation>스트림 URL 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="63"/>
        <source>Copy stream URL</source>
        <translation>스트림 URL 복사</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="64"/>
        <source>Copy the local address of this stream, for any player that can open a URL</source>
        <translation>URL을 열 수 있는 어떤 플레이어에서든 쓸 수 있도록 이 스트림의 로컬 주소를 복사합니다</translation>
    </message>
    <message>
        <location filename="../player/playerwindow_ui.cpp" line="67"/>
        <source>Buffering</source>
        <translation>버퍼링</translation>
    </message>
    <message>
        <location filename="../player/streamaccess.cpp" line="18"/>
        <source>The peer is not running yet; wait until it is connected and try again.</source>
        <translation>피어가 아직 실행되지 않았습니다. 연결될 때까지 기다렸다가 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../player/streamaccess.cpp" line="31"/>
        <source>The local stream server could not start: %1</source>
        <translation>로컬 스트림 서버를 시작할 수 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::PriorityDelegate</name>
    <message>
        <location filename="../views/prioritydelegate.cpp" line="12"/>
        <source>File priority</source>
        <translation>파일 우선순위</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishDetailsPage</name>
    <message>
        <location filename="../publish/publishpages.cpp" line="125"/>
        <source>Describe it</source>
        <translation>설명 입력</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="126"/>
        <source>This is what people see when they search.</source>
        <translation>다른 사람이 검색할 때 보게 되는 내용입니다.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="129"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="133"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="137"/>
        <source>Tags, separated by commas</source>
        <translation>태그(쉼표로 구분)</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="138"/>
        <source>music, live, 2024</source>
        <translation>음악, 라이브, 2024</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="142"/>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="143"/>
        <source>&amp;Description:</source>
        <translation>설명(&amp;D):</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="144"/>
        <source>T&amp;ags:</source>
        <translation>태그(&amp;A):</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="150"/>
        <source>&amp;Publish</source>
        <translation>게시(&amp;P)</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="163"/>
        <source>Enter a title.</source>
        <translation>제목을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="165"/>
        <source>The title is %1 characters long; use at most 200.</source>
        <translation>제목이 %1자입니다. 200자 이하로 줄이세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="172"/>
        <source>The description is %1 characters long; use at most 5000.</source>
        <translation>설명이 %1자입니다. 5000자 이하로 줄이세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="190"/>
        <source>Use at most 32 tags (you have %1).</source>
        <translation>태그는 32개까지 쓸 수 있습니다(현재 %1개).</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="193"/>
        <source>The tag &quot;%1…&quot; is too long; a tag has at most 64 characters.</source>
        <translation>태그 &quot;%1…&quot;이(가) 너무 깁니다. 태그는 64자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="139"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishProgressPage</name>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="18"/>
        <source>Publishing</source>
        <translation>게시 중</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="22"/>
        <source>Publishing status</source>
        <translation>게시 상태</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="24"/>
        <source>Publishing progress</source>
        <translation>게시 진행률</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="28"/>
        <source>Content id</source>
        <translation>콘텐츠 ID</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="30"/>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="31"/>
        <source>Try publishing again</source>
        <translation>다시 게시하기</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="66"/>
        <source>Hashing %1 and registering it with the provider. Large folders take a while; you can keep using mp2p meanwhile.</source>
        <translation>%1의 해시를 계산하고 서비스 제공자에 등록하는 중입니다. 큰 폴더는 시간이 걸리며, 그동안에도 mp2p를 계속 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="83"/>
        <source>Published. mp2p is now sharing it; others can find it in search. Content id:</source>
        <translation>게시되었습니다. 이제 mp2p가 공유하고 있으며 다른 사람이 검색으로 찾을 수 있습니다. 콘텐츠 ID:</translation>
    </message>
    <message>
        <location filename="../publish/publishprogresspage.cpp" line="98"/>
        <source>Publishing failed: %1</source>
        <translation>게시하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishSourcePage</name>
    <message>
        <location filename="../publish/publishpages.cpp" line="49"/>
        <source>What do you want to share?</source>
        <translation>무엇을 공유하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="50"/>
        <source>Choose one file, or a folder to share with everything in it.</source>
        <translation>파일 하나, 또는 안의 내용을 모두 공유할 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="51"/>
        <source>A &amp;file</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="52"/>
        <source>A f&amp;older</source>
        <translation>폴더(&amp;O)</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="59"/>
        <source>Path of the file or folder</source>
        <translation>파일 또는 폴더 경로</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="60"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="61"/>
        <source>Choose the file or folder</source>
        <translation>파일 또는 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="89"/>
        <source>Nothing exists at this path. Check it or use Browse.</source>
        <translation>이 경로에 아무것도 없습니다. 경로를 확인하거나 찾아보기를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="91"/>
        <source>This is a file. Choose &quot;A file&quot; or pick a folder.</source>
        <translation>파일입니다. &quot;파일&quot;을 고르거나 폴더를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="93"/>
        <source>This is a folder. Choose &quot;A folder&quot; or pick a file.</source>
        <translation>폴더입니다. &quot;폴더&quot;를 고르거나 파일을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="95"/>
        <source>You cannot read this. Check its permissions.</source>
        <translation>읽을 수 없습니다. 권한을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="97"/>
        <source>This file is empty; there is nothing to share.</source>
        <translation>빈 파일이라 공유할 내용이 없습니다.</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="115"/>
        <source>Folder to share</source>
        <translation>공유할 폴더</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="115"/>
        <source>File to share</source>
        <translation>공유할 파일</translation>
    </message>
    <message>
        <location filename="../publish/publishpages.cpp" line="63"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishWizard</name>
    <message>
        <location filename="../publish/publishwizard.cpp" line="13"/>
        <source>Publish</source>
        <translation>게시</translation>
    </message>
    <message>
        <location filename="../publish/publishwizard.cpp" line="14"/>
        <source>Publish wizard</source>
        <translation>게시 마법사</translation>
    </message>
</context>
<context>
    <name>mp2p::SearchResultModel</name>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="122"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="123"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="124"/>
        <source>Seeds</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="125"/>
        <source>Peers</source>
        <translation>피어</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="126"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="127"/>
        <source>Publisher</source>
        <translation>게시자</translation>
    </message>
    <message>
        <location filename="../models/searchresultmodel.cpp" line="128"/>
        <source>Published</source>
        <translation>게시일</translation>
    </message>
</context>
<context>
    <name>mp2p::SearchView</name>
    <message>
        <location filename="../views/searchview.cpp" line="24"/>
        <source>&amp;Download</source>
        <translation>받기(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="29"/>
        <source>Search the index (title, tags, description)…</source>
        <translation>색인 검색(제목, 태그, 설명)…</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="30"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="32"/>
        <source>Download the selected result</source>
        <translation>선택한 결과 받기</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="33"/>
        <source>Search status</source>
        <translation>검색 상태</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="39"/>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="125"/>
        <source>Not connected to the provider yet; the search runs once it is.</source>
        <translation>아직 제공자에 연결되지 않았습니다. 연결되면 검색합니다.</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="128"/>
        <source>Searching…</source>
        <translation>검색하는 중…</translation>
    </message>
    <message>
        <location filename="../views/searchview.cpp" line="134"/>
        <source>The search failed: %1. Check the connection in the status bar and try again.</source>
        <translation>검색에 실패했습니다: %1. 상태 표시줄에서 연결을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/searchview.cpp" line="138"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsDialog</name>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="29"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="30"/>
        <source>Unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="95"/>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="45"/>
        <source>Service provider:</source>
        <translation>서비스 제공자:</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="114"/>
        <location filename="../settings/settingsdialog.cpp" line="287"/>
        <source>Download folder</source>
        <translation>다운로드 폴더</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="115"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="116"/>
        <source>Choose the download folder</source>
        <translation>다운로드 폴더 고르기</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="46"/>
        <source>&amp;Download folder:</source>
        <translation>다운로드 폴더(&amp;D):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="50"/>
        <source>Upload limit</source>
        <translation>업로드 제한</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="51"/>
        <source>Download limit</source>
        <translation>다운로드 제한</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="52"/>
        <source>&amp;Upload limit:</source>
        <translation>업로드 제한(&amp;U):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="53"/>
        <source>Do&amp;wnload limit:</source>
        <translation>다운로드 제한(&amp;W):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="57"/>
        <source>Listen address and port</source>
        <translation>수신 주소와 포트</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="58"/>
        <source>The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces).</source>
        <translation>다른 피어가 접속하는 주소와 포트입니다. 예: 0.0.0.0:6881(모든 인터페이스).</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="59"/>
        <source>&amp;Listen on:</source>
        <translation>수신 주소(&amp;L):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="64"/>
        <source>Start &amp;minimised to the tray</source>
        <translation>트레이로 최소화한 상태로 시작(&amp;M)</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="65"/>
        <source>Start at lo&amp;gin</source>
        <translation>로그인할 때 시작(&amp;G)</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="66"/>
        <source>Tray:</source>
        <translation>트레이:</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="71"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="72"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="180"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="275"/>
        <source>The settings could not be written to %1.</source>
        <translation>설정을 %1에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="91"/>
        <source>Run the services on this &amp;computer (embedded, for this machine and the LAN)</source>
        <translation>이 컴퓨터에서 서비스 실행(내장, 이 컴퓨터와 LAN용)(&amp;C)</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="92"/>
        <source>Use a &amp;provider:</source>
        <translation>서비스 제공자 사용(&amp;P):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="63"/>
        <source>Closing the window &amp;keeps mp2p running in the tray</source>
        <translation>창을 닫아도 mp2p를 트레이에서 계속 실행(&amp;K)</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="75"/>
        <source>L&amp;anguage (after restart):</source>
        <translation>언어(다시 시작 후 적용)(&amp;A):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="61"/>
        <source>Schedule:</source>
        <translation>예약:</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="128"/>
        <source>Use &amp;alternative limits between</source>
        <translation>대체 제한 사용 시간(&amp;A):</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="129"/>
        <source>Use alternative limits during the scheduled hours</source>
        <translation>예약된 시간 동안 대체 제한 사용</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="133"/>
        <source>:00</source>
        <translation>시</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="137"/>
        <source>Schedule starts at hour</source>
        <translation>예약 시작 시각</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="138"/>
        <source>Schedule ends at hour</source>
        <translation>예약 종료 시각</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="139"/>
        <source>Alternative upload limit</source>
        <translation>대체 업로드 제한</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="140"/>
        <source>Alternative download limit</source>
        <translation>대체 다운로드 제한</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="146"/>
        <source>and</source>
        <translation>~</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="152"/>
        <source>Upload:</source>
        <translation>업로드:</translation>
    </message>
    <message>
        <location filename="../settings/settingsdialog.cpp" line="154"/>
        <source>Download:</source>
        <translation>다운로드:</translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsValidator</name>
    <message>
        <location filename="../settings/appsettings.cpp" line="67"/>
        <source>Enter the provider&apos;s address, for example https://p2p.example.org.</source>
        <translation>서비스 제공자 주소를 입력하세요. 예: https://p2p.example.org</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="69"/>
        <source>This is not a valid address. Use the form https://host[:port].</source>
        <translation>올바른 주소가 아닙니다. https://호스트[:포트] 형식으로 쓰세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="71"/>
        <source>The address must start with http:// or https://.</source>
        <translation>주소는 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="78"/>
        <source>Choose a folder for downloads.</source>
        <translation>다운로드할 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="80"/>
        <source>Use a full path (starting with /), not a relative one.</source>
        <translation>상대 경로가 아닌 전체 경로(/로 시작)를 쓰세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="89"/>
        <source>This folder cannot be created: part of the path is a file.</source>
        <translation>이 폴더를 만들 수 없습니다. 경로 중간에 파일이 있습니다.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="91"/>
        <source>This folder is not writable. Choose one you own.</source>
        <translation>이 폴더에 쓸 수 없습니다. 내가 소유한 폴더를 고르세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="98"/>
        <source>A limit cannot be negative. Use 0 for unlimited.</source>
        <translation>제한 값은 음수일 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="100"/>
        <source>A limit above %1 KiB/s is not possible. Use 0 for unlimited.</source>
        <translation>%1 KiB/s보다 큰 제한은 쓸 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="116"/>
        <source>Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.</source>
        <translation>IP 주소와 포트를 쓰세요. 예: 0.0.0.0:6881 또는 [::]:6881</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="118"/>
        <source>The port must be a number from 0 to 65535 (0 picks a free port).</source>
        <translation>포트는 0부터 65535까지의 숫자여야 합니다(0은 빈 포트를 자동으로 고릅니다).</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="125"/>
        <source>Choose a language from the list.</source>
        <translation>목록에서 언어를 고르세요.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="131"/>
        <source>Hours go from 0 to 23.</source>
        <translation>시각은 0부터 23까지입니다.</translation>
    </message>
    <message>
        <location filename="../settings/appsettings.cpp" line="133"/>
        <source>The schedule starts and ends at the same hour. Choose two different hours.</source>
        <translation>예약 시작과 종료 시각이 같습니다. 서로 다른 두 시각을 고르세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::SingleInstance</name>
    <message>
        <location filename="../instance/singleinstance.cpp" line="80"/>
        <source>mp2p is already running.</source>
        <translation>mp2p가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <location filename="../instance/singleinstance.cpp" line="87"/>
        <source>Cannot open the local socket %1: %2</source>
        <translation>로컬 소켓 %1을(를) 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::SpeedGraph</name>
    <message>
        <location filename="../views/speedgraph.cpp" line="21"/>
        <source>Download (KiB/s)</source>
        <translation>다운로드(KiB/s)</translation>
    </message>
    <message>
        <location filename="../views/speedgraph.cpp" line="22"/>
        <source>Upload (KiB/s)</source>
        <translation>업로드(KiB/s)</translation>
    </message>
    <message>
        <location filename="../views/speedgraph.cpp" line="39"/>
        <source>Speed graph</source>
        <translation>속도 그래프</translation>
    </message>
</context>
<context>
    <name>mp2p::TransferFilterModel</name>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="27"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="28"/>
        <source>Downloading</source>
        <translation>받는 중</translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="29"/>
        <source>Seeding</source>
        <translation>시딩 중</translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="30"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../models/transferfiltermodel.cpp" line="31"/>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
</context>
<context>
    <name>mp2p::TransferModel</name>
    <message>
        <location filename="../models/transfermodel.cpp" line="152"/>
        <source>Checking</source>
        <translation>확인 중</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="153"/>
        <source>Downloading</source>
        <translation>받는 중</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="154"/>
        <source>Seeding</source>
        <translation>시딩 중</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="155"/>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="156"/>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="200"/>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="204"/>
        <source>%1 (%2 seeds)</source>
        <translation>%1 (시드 %2개)</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="235"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="236"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="237"/>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="238"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="239"/>
        <source>Down</source>
        <translation>받기</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="240"/>
        <source>Up</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="241"/>
        <source>ETA</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="242"/>
        <source>Peers</source>
        <translation>피어</translation>
    </message>
    <message>
        <location filename="../models/transfermodel.cpp" line="243"/>
        <source>Ratio</source>
        <translation>비율</translation>
    </message>
</context>
<context>
    <name>mp2p::TransfersView</name>
    <message>
        <location filename="../views/transfersview.cpp" line="26"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="27"/>
        <source>&amp;Resume</source>
        <translation>다시 시작(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="28"/>
        <source>Pause/Resume</source>
        <translation>일시 정지/다시 시작</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="29"/>
        <source>Re&amp;move…</source>
        <translation>제거(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="30"/>
        <source>P&amp;lay</source>
        <translation>재생(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="34"/>
        <source>Transfer filter</source>
        <translation>전송 필터</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="42"/>
        <source>Transfers</source>
        <translation>전송</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="53"/>
        <source>Pause the selected transfers</source>
        <translation>선택한 전송을 일시 정지합니다</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="54"/>
        <source>Resume the selected transfers</source>
        <translation>선택한 전송을 다시 시작합니다</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="59"/>
        <source>Remove the selected transfers</source>
        <translation>선택한 전송을 제거합니다</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="64"/>
        <source>Play the transfer&apos;s largest file while it downloads</source>
        <translation>전송에서 가장 큰 파일을 받는 동안 재생합니다</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="73"/>
        <location filename="../views/transfersview.cpp" line="74"/>
        <source>Transfer actions</source>
        <translation>전송 작업</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="144"/>
        <source>Remove transfers</source>
        <translation>전송 제거</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfersview.cpp" line="145"/>
        <source>Remove %n transfer(s)?</source>
        <translation>
            <numerusform>전송 %n개를 제거할까요?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="147"/>
        <source>Remove, keep the files</source>
        <translation>제거하고 파일은 남기기</translation>
    </message>
    <message>
        <location filename="../views/transfersview.cpp" line="148"/>
        <source>Remove and delete the files</source>
        <translation>제거하고 파일도 삭제</translation>
    </message>
</context>
<context>
    <name>mp2p::TrayController</name>
    <message>
        <location filename="../tray/traycontroller.cpp" line="19"/>
        <source>mp2p tray menu</source>
        <translation>mp2p 트레이 메뉴</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="20"/>
        <location filename="../tray/traycontroller.cpp" line="121"/>
        <source>&amp;Show window</source>
        <translation>창 보이기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="22"/>
        <source>&amp;Pause all</source>
        <translation>모두 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="23"/>
        <source>&amp;Resume all</source>
        <translation>모두 재개(&amp;R)</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="25"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="29"/>
        <source>mp2p: sharing in the background</source>
        <translation>mp2p: 백그라운드에서 공유 중</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="84"/>
        <source>mp2p keeps running</source>
        <translation>mp2p가 계속 실행 중입니다</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="84"/>
        <source>mp2p is still sharing in the background. Use the tray icon to open it again, or Quit to stop.</source>
        <translation>mp2p가 백그라운드에서 계속 공유하고 있습니다. 트레이 아이콘으로 다시 열거나, 끝내기로 종료하세요.</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="92"/>
        <source>Download complete</source>
        <translation>다운로드 완료</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="92"/>
        <source>%1 has finished downloading and is now being shared.</source>
        <translation>%1 다운로드가 끝났으며 이제 공유 중입니다.</translation>
    </message>
    <message>
        <location filename="../tray/traycontroller.cpp" line="121"/>
        <source>&amp;Hide window</source>
        <translation>창 숨기기(&amp;H)</translation>
    </message>
</context>
<context>
    <name>mp2p::VolunteerDialog</name>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="34"/>
        <source>Volunteer idle resources</source>
        <translation>유휴 자원 자원봉사</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="37"/>
        <source>Nothing is shared until you choose a role below and press &quot;I agree&quot;. You can stop at any moment; stopping takes effect at once.</source>
        <translation>아래에서 역할을 고르고 "동의합니다"를 누르기 전에는 아무것도 공유되지 않습니다. 언제든지 중단할 수 있으며, 중단은 즉시 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="41"/>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="42"/>
        <source>&amp;Relay Server: forward connections for peers nobody can reach</source>
        <translation>중계 서버(&amp;R): 아무도 접속할 수 없는 피어의 연결을 전달합니다</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="43"/>
        <source>&amp;Cache Server: keep popular content near its downloaders</source>
        <translation>캐시 서버(&amp;C): 인기 있는 콘텐츠를 내려받는 사람들 가까이에 둡니다</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="44"/>
        <source>Volunteer as a relay server</source>
        <translation>중계 서버로 자원봉사</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="45"/>
        <source>Volunteer as a cache server</source>
        <translation>캐시 서버로 자원봉사</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="50"/>
        <source>Limits</source>
        <translation>한도</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="51"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="51"/>
        <source>Upload limit in KiB per second, 0 for none</source>
        <translation>초당 KiB 단위의 업로드 한도, 0이면 제한 없음</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="52"/>
        <location filename="../volunteer/volunteerdialog.cpp" line="55"/>
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="53"/>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="53"/>
        <source>Disk quota for the cache in GiB</source>
        <translation>캐시용 디스크 할당량(GiB)</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="54"/>
        <source>Most relayed connections at a time, 0 for none</source>
        <translation>동시에 중계할 최대 연결 수, 0이면 제한 없음</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="56"/>
        <location filename="../volunteer/volunteerdialog.cpp" line="57"/>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="56"/>
        <source>Volunteer from this hour</source>
        <translation>이 시각부터 자원봉사</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="57"/>
        <source>Volunteer until this hour</source>
        <translation>이 시각까지 자원봉사</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="59"/>
        <source>&amp;Upload bandwidth:</source>
        <translation>업로드 대역폭(&amp;U):</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="60"/>
        <source>&amp;Disk quota (cache):</source>
        <translation>디스크 할당량 (캐시)(&amp;D):</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="61"/>
        <source>&amp;Relayed connections:</source>
        <translation>중계 연결 수(&amp;R):</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="62"/>
        <source>&amp;From:</source>
        <translation>시작(&amp;F):</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="63"/>
        <source>&amp;Until:</source>
        <translation>종료(&amp;U):</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="68"/>
        <source>What will be shared</source>
        <translation>공유되는 것</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="72"/>
        <source>Volunteering status</source>
        <translation>자원봉사 상태</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="75"/>
        <source>I &amp;agree</source>
        <translation>동의합니다(&amp;A)</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="76"/>
        <source>&amp;Stop volunteering</source>
        <translation>자원봉사 중단(&amp;S)</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="78"/>
        <source>Agree and start volunteering with these limits</source>
        <translation>동의하고 이 한도로 자원봉사를 시작합니다</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="79"/>
        <source>Revoke consent and stop every role now</source>
        <translation>동의를 철회하고 모든 역할을 지금 중단합니다</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="88"/>
        <source>&lt;b&gt;What will be shared&lt;/b&gt;</source>
        <translation>&lt;b&gt;공유되는 것&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="121"/>
        <source>You are not volunteering.</source>
        <translation>자원봉사를 하고 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="122"/>
        <source>You consented to: %1.</source>
        <translation>동의한 역할: %1.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="145"/>
        <source>with no upload limit</source>
        <translation>업로드 한도 없이</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="146"/>
        <source>at most %1 KiB/s of upload</source>
        <translation>최대 %1 KiB/s의 업로드로</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="150"/>
        <source>with no limit on connections</source>
        <translation>연결 수 제한 없이</translation>
    </message>
    <message numerus="yes">
        <location filename="../volunteer/volunteerdialog.cpp" line="151"/>
        <source>at most %n connection(s) at a time</source>
        <translation>
            <numerusform>한 번에 최대 %n개 연결로</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="152"/>
        <source>As a relay, this computer forwards the BitTorrent connections of other peers that nobody can reach; the provider lists your address as their relay. It uses %1, %2.</source>
        <translation>중계 역할로 이 컴퓨터는 아무도 접속할 수 없는 다른 피어의 BitTorrent 연결을 전달하며, 제공자는 당신의 주소를 그들의 중계로 알립니다. %1, %2 사용합니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="157"/>
        <source>As a cache, this computer downloads the content the provider&apos;s OMS assigns to it (overlays with many downloaders near you), keeps at most %1 GiB of it on disk and uploads it to other peers, %2.</source>
        <translation>캐시 역할로 이 컴퓨터는 제공자의 OMS가 배정한 콘텐츠(가까이에 내려받는 사람이 많은 오버레이)를 내려받아 디스크에 최대 %1 GiB까지 보관하고 다른 피어에게 %2 업로드합니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="163"/>
        <source>No role is chosen: nothing will be shared.</source>
        <translation>선택한 역할이 없습니다. 아무것도 공유되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="165"/>
        <source>At any hour of the day.</source>
        <translation>하루 중 언제든지.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="166"/>
        <source>Only from %1:00 to %2:00, local time.</source>
        <translation>현지 시각 %1:00부터 %2:00까지만.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="167"/>
        <source>Your consent (time, roles, limits) is signed with your key and recorded on this computer and at the provider&apos;s PAMS, which credits the bytes you relay or serve.</source>
        <translation>당신의 동의(시각, 역할, 한도)는 당신의 키로 서명되어 이 컴퓨터와 제공자의 PAMS에 기록되며, PAMS는 당신이 중계하거나 제공한 바이트를 적립합니다.</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="179"/>
        <source>&quot;From&quot; and &quot;Until&quot; are the same hour: choose a range of at least one hour (0:00 to 24:00 means always).</source>
        <translation>"시작"과 "종료"가 같은 시각입니다. 한 시간 이상의 범위를 고르세요 (0:00부터 24:00까지는 항상).</translation>
    </message>
    <message>
        <location filename="../volunteer/volunteerdialog.cpp" line="194"/>
        <source>Could not record your choice for the %1 role: %2</source>
        <translation>%1 역할에 대한 선택을 기록할 수 없습니다: %2</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <source>mp2p</source>
        <translation>mp2p</translation>
    </message>
    <message>
        <source>The provider URL &quot;%1&quot; in the settings is not valid. Fix it (key provider/url in %2), or leave it empty to run the services on this computer.</source>
        <translation>설정의 제공자 URL &quot;%1&quot;이(가) 올바르지 않습니다. %2의 provider/url 키를 고치거나, 비워 두어 이 컴퓨터에서 서비스를 실행하세요.</translation>
    </message>
    <message>
        <source>mp2p cannot start</source>
        <translation>mp2p를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>mp2p will close now; start it again once this is fixed.</source>
        <translation>mp2p를 지금 종료합니다. 문제를 해결한 뒤 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::Autostart</name>
    <message>
        <source>Cannot remove %1. Delete it by hand to stop starting at login.</source>
        <translation>%1을(를) 지울 수 없습니다. 로그인할 때 시작하지 않게 하려면 이 파일을 직접 지우세요.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::ContributionView</name>
    <message>
        <source>Credited (MiB)</source>
        <translation>인정된 기여량(MiB)</translation>
    </message>
    <message>
        <source>Credit: not known yet</source>
        <translation>크레딧: 아직 알 수 없음</translation>
    </message>
    <message>
        <source>Contribution chart</source>
        <translation>기여 차트</translation>
    </message>
    <message>
        <source>Credit balance: %1 (%2 overlays)</source>
        <translation>크레딧 잔액: %1 (오버레이 %2개)</translation>
    </message>
    <message>
        <source>Credit: %1</source>
        <translation>크레딧: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::DetailsPane</name>
    <message>
        <source>&amp;Play</source>
        <translation>재생(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>일반(&amp;G)</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>파일(&amp;I)</translation>
    </message>
    <message>
        <source>P&amp;eers</source>
        <translation>피어(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Overlay</source>
        <translation>오버레이(&amp;O)</translation>
    </message>
    <message>
        <source>Transfer details sections</source>
        <translation>전송 세부 정보 구역</translation>
    </message>
    <message>
        <source>Transfer details</source>
        <translation>전송 세부 정보</translation>
    </message>
    <message>
        <source>The priority was not changed</source>
        <translation>우선순위를 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Saved in:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <source>Info-hash / overlay:</source>
        <translation>정보 해시 / 오버레이:</translation>
    </message>
    <message>
        <source>Overlay manager (OMS):</source>
        <translation>오버레이 관리 서버(OMS):</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <source>Downloaded / uploaded:</source>
        <translation>받은 양 / 보낸 양:</translation>
    </message>
    <message>
        <source>Peers:</source>
        <translation>피어:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>마지막 오류:</translation>
    </message>
    <message>
        <source>Pieces:</source>
        <translation>조각:</translation>
    </message>
    <message>
        <source>Files of the transfer</source>
        <translation>전송에 포함된 파일</translation>
    </message>
    <message>
        <source>Play the selected file while it downloads</source>
        <translation>선택한 파일을 받는 동안 재생합니다</translation>
    </message>
    <message>
        <source>Priority: &amp;High</source>
        <translation>우선순위: 높음(&amp;H)</translation>
    </message>
    <message>
        <source>Priority: &amp;Normal</source>
        <translation>우선순위: 보통(&amp;N)</translation>
    </message>
    <message>
        <source>Priority: &amp;Skip (do not download)</source>
        <translation>우선순위: 건너뛰기(받지 않음)(&amp;S)</translation>
    </message>
    <message>
        <source>File actions</source>
        <translation>파일 작업</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>연결된 피어</translation>
    </message>
    <message>
        <source>Overlay id:</source>
        <translation>오버레이 ID:</translation>
    </message>
    <message>
        <source>Managed by (OMS):</source>
        <translation>관리 서버(OMS):</translation>
    </message>
    <message>
        <source>Swarm (as the OMS sees it):</source>
        <translation>스웜(OMS 기준):</translation>
    </message>
    <message>
        <source>Peers the OMS lists:</source>
        <translation>OMS가 알려 준 피어:</translation>
    </message>
    <message>
        <source>Last asked:</source>
        <translation>마지막 조회:</translation>
    </message>
    <message>
        <source>Select a transfer to see its details.</source>
        <translation>세부 정보를 보려면 전송을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 connected, %2 seeds; downloading from %3, uploading to %4</source>
        <translation>%1개 연결, 시드 %2개, %3개에서 받는 중, %4개에 보내는 중</translation>
    </message>
    <message>
        <source>The OMS does not know this overlay (a transfer added outside the managed service).</source>
        <translation>OMS가 이 오버레이를 모릅니다(관리형 서비스 밖에서 추가된 전송입니다).</translation>
    </message>
    <message>
        <source>The OMS could not be asked: %1</source>
        <translation>OMS에 물어볼 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 seeds, %2 leechers</source>
        <translation>시드 %1개, 리처 %2개</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) besides you</source>
        <translation>
            <numerusform>나 말고 피어 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::FileListModel</name>
    <message>
        <source>This file is no longer part of a running transfer.</source>
        <translation>이 파일은 더 이상 진행 중인 전송에 속하지 않습니다.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
</context>
<context>
    <name>mp2p::FirstRunDialog</name>
    <message>
        <source>Welcome to mp2p</source>
        <translation>mp2p에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>mp2p shares files through a managed peer-to-peer service. Choose where that service runs. You can change this later in Settings.</source>
        <translation>mp2p는 관리형 P2P 서비스를 통해 파일을 공유합니다. 이 서비스를 어디에서 실행할지 고르세요. 나중에 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Run locally (this machine / LAN)</source>
        <translation>로컬에서 실행(이 컴퓨터 / LAN)(&amp;R)</translation>
    </message>
    <message>
        <source>Run locally</source>
        <translation>로컬에서 실행</translation>
    </message>
    <message>
        <source>mp2p starts its own services inside the app: the user directory (who you are), the content index (what can be found), the overlay manager (who has which content) and the activity service, plus a network map for one region. Other computers on your network can use them too.</source>
        <translation>mp2p가 앱 안에서 자체 서비스를 시작합니다. 사용자 디렉터리(사용자 확인), 콘텐츠 색인(찾을 수 있는 콘텐츠), 오버레이 관리자(누가 어떤 콘텐츠를 가졌는지), 활동 서비스, 그리고 한 지역의 네트워크 지도입니다. 같은 네트워크의 다른 컴퓨터도 이 서비스를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Use a &amp;provider URL</source>
        <translation>서비스 제공자 URL 사용(&amp;P)</translation>
    </message>
    <message>
        <source>Use a provider URL</source>
        <translation>서비스 제공자 URL 사용</translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Your identity:</source>
        <translation>내 ID:</translation>
    </message>
    <message>
        <source>created when mp2p first connects…</source>
        <translation>mp2p가 처음 연결할 때 만들어집니다…</translation>
    </message>
    <message>
        <source>Your user id</source>
        <translation>내 사용자 ID</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy your user id</source>
        <translation>내 사용자 ID 복사</translation>
    </message>
</context>
<context>
    <name>mp2p::Format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1일 %2시간</translation>
    </message>
</context>
<context>
    <name>mp2p::MainWindow</name>
    <message>
        <source>mp2p</source>
        <translation>mp2p</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>검색(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>전송(&amp;T)</translation>
    </message>
    <message>
        <source>Main views</source>
        <translation>주 화면</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>기여</translation>
    </message>
    <message>
        <source>Transfer details and speed</source>
        <translation>전송 세부 정보와 속도</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open .torrent…</source>
        <translation>.torrent 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Publish a file or folder…</source>
        <translation>파일 또는 폴더 게시(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find content…</source>
        <translation>콘텐츠 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>T&amp;ransfers</source>
        <translation>전송(&amp;R)</translation>
    </message>
    <message>
        <source>Provider: starting…</source>
        <translation>제공자: 시작하는 중…</translation>
    </message>
    <message>
        <source>Provider state</source>
        <translation>제공자 상태</translation>
    </message>
    <message>
        <source>Total rates</source>
        <translation>전체 속도</translation>
    </message>
    <message>
        <source>Network region</source>
        <translation>네트워크 지역</translation>
    </message>
    <message>
        <source>Your user id (click to copy)</source>
        <translation>내 사용자 ID(눌러서 복사)</translation>
    </message>
    <message>
        <source>Your user id; click to copy it</source>
        <translation>내 사용자 ID입니다. 눌러서 복사하세요</translation>
    </message>
    <message>
        <source>Your credit balance</source>
        <translation>내 크레딧 잔액</translation>
    </message>
    <message>
        <source>Credit the provider&apos;s PAMS grants you for uploading; refreshed every minute</source>
        <translation>업로드한 만큼 제공자의 PAMS가 인정해 준 크레딧입니다. 1분마다 새로 고칩니다</translation>
    </message>
    <message>
        <source>Provider: embedded</source>
        <translation>제공자: 내장</translation>
    </message>
    <message>
        <source>No provider URL is set, so the P2PSP services run inside this app at %1.</source>
        <translation>제공자 URL이 설정되지 않아 P2PSP 서비스가 이 앱 안의 %1에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Provider: not running</source>
        <translation>제공자: 실행 안 됨</translation>
    </message>
    <message>
        <source>Provider: unreachable</source>
        <translation>제공자: 연결할 수 없음</translation>
    </message>
    <message>
        <source> — retrying in the background.</source>
        <translation> — 백그라운드에서 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Transfer error: %1</source>
        <translation>전송 오류: %1</translation>
    </message>
    <message>
        <source>The operation failed</source>
        <translation>작업에 실패했습니다</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 받는 중</translation>
    </message>
    <message>
        <source>Completed: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>지역: %1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Provider: connected</source>
        <translation>제공자: 연결됨</translation>
    </message>
    <message>
        <source>Logged in at %1</source>
        <translation>%1에 로그인함</translation>
    </message>
    <message>
        <source>The provider answers again.</source>
        <translation>제공자가 다시 응답합니다.</translation>
    </message>
    <message>
        <source>The provider does not answer; transfers go on peer-to-peer, and mp2p retries.</source>
        <translation>제공자가 응답하지 않습니다. 전송은 피어 간에 계속되며 mp2p가 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Ready: logged in as %1</source>
        <translation>준비됨: %1(으)로 로그인함</translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>아직 연결되지 않음</translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet. Wait until the status bar says connected, then try again.</source>
        <translation>mp2p가 아직 제공자에 로그인하지 않았습니다. 상태 표시줄에 연결됨이 나타나면 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <translation>%1 시작하는 중…</translation>
    </message>
    <message>
        <source>Your user id was copied to the clipboard.</source>
        <translation>사용자 ID를 클립보드에 복사했습니다.</translation>
    </message>
    <message>
        <source>Publishing needs a login at the provider. Wait until the status bar says connected.</source>
        <translation>게시하려면 제공자에 로그인해야 합니다. 상태 표시줄에 연결됨이 나타날 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>Published; seeding it now.</source>
        <translation>게시했습니다. 지금 시딩합니다.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <source>This build has no publish wizard; use: mp2p publish PATH</source>
        <translation>이 빌드에는 게시 마법사가 없습니다. mp2p publish PATH 명령을 쓰세요</translation>
    </message>
    <message>
        <source>Settings saved and applied. A new provider or language takes effect at the next start.</source>
        <translation>설정을 저장하고 적용했습니다. 새 제공자나 언어는 다음 시작 때 적용됩니다.</translation>
    </message>
    <message>
        <source>This build has no settings dialog; edit %1 instead.</source>
        <translation>이 빌드에는 설정 창이 없습니다. 대신 %1을(를) 편집하세요.</translation>
    </message>
    <message>
        <source>The scheduled (alternative) rate limits apply now.</source>
        <translation>지금부터 예약된(대체) 속도 제한이 적용됩니다.</translation>
    </message>
    <message>
        <source>The normal rate limits apply now.</source>
        <translation>지금부터 일반 속도 제한이 적용됩니다.</translation>
    </message>
    <message>
        <source>The listen address was not changed</source>
        <translation>수신 주소를 바꾸지 못했습니다</translation>
    </message>
    <message>
        <source>Open .torrent files</source>
        <translation>.torrent 파일 열기</translation>
    </message>
    <message>
        <source>Torrent files (*.torrent);;All files (*)</source>
        <translation>토렌트 파일 (*.torrent);;모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Cannot open the .torrent file</source>
        <translation>
            <numerusform>.torrent 파일을 열 수 없습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joining %n transfer(s) from .torrent files…</source>
        <translation>
            <numerusform>.torrent 파일의 전송 %n개에 참여하는 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet, so the magnet link cannot be opened. Try again once the status bar says connected.</source>
        <translation>mp2p가 아직 제공자에 로그인하지 않아 마그넷 링크를 열 수 없습니다. 상태 표시줄에 연결됨이 나타나면 다시 시도하세요.</translation>
    </message>
    <message>
        <source>this provider keeps no credit</source>
        <translation>이 제공자는 크레딧을 관리하지 않습니다</translation>
    </message>
    <message>
        <source>Credit: –</source>
        <translation>크레딧: –</translation>
    </message>
    <message>
        <source>Credit: %1</source>
        <translation>크레딧: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::ManagedPeerPublisher</name>
    <message>
        <source>The peer has stopped; restart mp2p and try again.</source>
        <translation>피어가 멈췄습니다. mp2p를 다시 시작한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::PeerListModel</name>
    <message>
        <source>Relayed</source>
        <translation>중계</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>직접</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>들어옴</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>나감</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>, uTP</source>
        <translation>, uTP</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>, 암호화됨</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>받기</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>보유</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
</context>
<context>
    <name>mp2p::PeerSession</name>
    <message>
        <source>Cannot create the data folder %1. Check its permissions or free some disk space.</source>
        <translation>데이터 폴더 %1을(를) 만들 수 없습니다. 권한을 확인하거나 디스크 공간을 확보하세요.</translation>
    </message>
    <message>
        <source>Another mp2p (%1, process %2) is using the data folder %3. Close it first, or start this one with another data folder.</source>
        <translation>다른 mp2p(%1, 프로세스 %2)가 데이터 폴더 %3을(를) 쓰고 있습니다. 그것을 먼저 닫거나, 다른 데이터 폴더로 이 프로그램을 시작하세요.</translation>
    </message>
    <message>
        <source>The built-in provider (P2PSP) could not start: %1. Set a provider URL in Settings, or free port %2.</source>
        <translation>내장 제공자(P2PSP)를 시작할 수 없습니다: %1. 설정에서 제공자 URL을 지정하거나 포트 %2을(를) 비우세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a listen address; use ip:port, for example 0.0.0.0:6881</source>
        <translation>&quot;%1&quot;은(는) 수신 주소가 아닙니다. 0.0.0.0:6881처럼 ip:포트 형식으로 쓰세요</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1을(를) 읽을 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>%1 is %2 MiB, too large for a .torrent file; choose the .torrent, not the content.</source>
        <translation>%1은(는) %2 MiB로 .torrent 파일이라기엔 너무 큽니다. 콘텐츠가 아니라 .torrent 파일을 고르세요.</translation>
    </message>
    <message>
        <source>%1 is not a usable .torrent file: %2. Nothing was added.</source>
        <translation>%1은(는) 쓸 수 있는 .torrent 파일이 아닙니다: %2. 아무것도 추가하지 않았습니다.</translation>
    </message>
    <message>
        <source>mp2p is not logged in at the provider yet, so %1 cannot be joined. Try again once the status bar says connected.</source>
        <translation>mp2p가 아직 제공자에 로그인하지 않아 %1에 참여할 수 없습니다. 상태 표시줄에 연결됨이 나타나면 다시 시도하세요.</translation>
    </message>
    <message>
        <source>not connected to the provider</source>
        <translation>제공자에 연결되지 않음</translation>
    </message>
</context>
<context>
    <name>mp2p::PiecesBar</name>
    <message>
        <source>Pieces</source>
        <translation>조각</translation>
    </message>
    <message>
        <source>No piece information</source>
        <translation>조각 정보 없음</translation>
    </message>
    <message>
        <source>%1 of %2 pieces downloaded, %3 in progress</source>
        <translation>조각 %2개 중 %1개 받음, %3개 받는 중</translation>
    </message>
</context>
<context>
    <name>mp2p::PriorityDelegate</name>
    <message>
        <source>File priority</source>
        <translation>파일 우선순위</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishDetailsPage</name>
    <message>
        <source>Describe it</source>
        <translation>설명 입력</translation>
    </message>
    <message>
        <source>This is what people see when they search.</source>
        <translation>다른 사람이 검색할 때 보게 되는 내용입니다.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>태그(쉼표로 구분)</translation>
    </message>
    <message>
        <source>music, live, 2024</source>
        <translation>음악, 라이브, 2024</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>설명(&amp;D):</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>태그(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>게시(&amp;P)</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>제목을 입력하세요.</translation>
    </message>
    <message>
        <source>The title is %1 characters long; use at most 200.</source>
        <translation>제목이 %1자입니다. 200자 이하로 줄이세요.</translation>
    </message>
    <message>
        <source>The description is %1 characters long; use at most 5000.</source>
        <translation>설명이 %1자입니다. 5000자 이하로 줄이세요.</translation>
    </message>
    <message>
        <source>Use at most 32 tags (you have %1).</source>
        <translation>태그는 32개까지 쓸 수 있습니다(현재 %1개).</translation>
    </message>
    <message>
        <source>The tag &quot;%1…&quot; is too long; a tag has at most 64 characters.</source>
        <translation>태그 &quot;%1…&quot;이(가) 너무 깁니다. 태그는 64자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishProgressPage</name>
    <message>
        <source>Publishing</source>
        <translation>게시 중</translation>
    </message>
    <message>
        <source>Publishing status</source>
        <translation>게시 상태</translation>
    </message>
    <message>
        <source>Publishing progress</source>
        <translation>게시 진행률</translation>
    </message>
    <message>
        <source>Content id</source>
        <translation>콘텐츠 ID</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>다시 시도(&amp;R)</translation>
    </message>
    <message>
        <source>Try publishing again</source>
        <translation>다시 게시하기</translation>
    </message>
    <message>
        <source>Hashing %1 and registering it with the provider. Large folders take a while; you can keep using mp2p meanwhile.</source>
        <translation>%1의 해시를 계산하고 서비스 제공자에 등록하는 중입니다. 큰 폴더는 시간이 걸리며, 그동안에도 mp2p를 계속 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Published. mp2p is now sharing it; others can find it in search. Content id:</source>
        <translation>게시되었습니다. 이제 mp2p가 공유하고 있으며 다른 사람이 검색으로 찾을 수 있습니다. 콘텐츠 ID:</translation>
    </message>
    <message>
        <source>Publishing failed: %1</source>
        <translation>게시하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishSourcePage</name>
    <message>
        <source>What do you want to share?</source>
        <translation>무엇을 공유하시겠습니까?</translation>
    </message>
    <message>
        <source>Choose one file, or a folder to share with everything in it.</source>
        <translation>파일 하나, 또는 안의 내용을 모두 공유할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>A &amp;file</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>A f&amp;older</source>
        <translation>폴더(&amp;O)</translation>
    </message>
    <message>
        <source>Path of the file or folder</source>
        <translation>파일 또는 폴더 경로</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file or folder</source>
        <translation>파일 또는 폴더 고르기</translation>
    </message>
    <message>
        <source>Nothing exists at this path. Check it or use Browse.</source>
        <translation>이 경로에 아무것도 없습니다. 경로를 확인하거나 찾아보기를 쓰세요.</translation>
    </message>
    <message>
        <source>This is a file. Choose &quot;A file&quot; or pick a folder.</source>
        <translation>파일입니다. &quot;파일&quot;을 고르거나 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>This is a folder. Choose &quot;A folder&quot; or pick a file.</source>
        <translation>폴더입니다. &quot;폴더&quot;를 고르거나 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>You cannot read this. Check its permissions.</source>
        <translation>읽을 수 없습니다. 권한을 확인하세요.</translation>
    </message>
    <message>
        <source>This file is empty; there is nothing to share.</source>
        <translation>빈 파일이라 공유할 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <translation>공유할 폴더</translation>
    </message>
    <message>
        <source>File to share</source>
        <translation>공유할 파일</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
</context>
<context>
    <name>mp2p::PublishWizard</name>
    <message>
        <source>Publish</source>
        <translation>게시</translation>
    </message>
    <message>
        <source>Publish wizard</source>
        <translation>게시 마법사</translation>
    </message>
</context>
<context>
    <name>mp2p::SearchResultModel</name>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>피어</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>게시자</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>게시일</translation>
    </message>
</context>
<context>
    <name>mp2p::SearchView</name>
    <message>
        <source>&amp;Download</source>
        <translation>받기(&amp;D)</translation>
    </message>
    <message>
        <source>Search the index (title, tags, description)…</source>
        <translation>색인 검색(제목, 태그, 설명)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Download the selected result</source>
        <translation>선택한 결과 받기</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>검색 상태</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>Not connected to the provider yet; the search runs once it is.</source>
        <translation>아직 제공자에 연결되지 않았습니다. 연결되면 검색합니다.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색하는 중…</translation>
    </message>
    <message>
        <source>The search failed: %1. Check the connection in the status bar and try again.</source>
        <translation>검색에 실패했습니다: %1. 상태 표시줄에서 연결을 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsDialog</name>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>무제한</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Provider URL</source>
        <translation>서비스 제공자 URL</translation>
    </message>
    <message>
        <source>Service provider:</source>
        <translation>서비스 제공자:</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>다운로드 폴더</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>다운로드 폴더 고르기</translation>
    </message>
    <message>
        <source>&amp;Download folder:</source>
        <translation>다운로드 폴더(&amp;D):</translation>
    </message>
    <message>
        <source>Upload limit</source>
        <translation>업로드 제한</translation>
    </message>
    <message>
        <source>Download limit</source>
        <translation>다운로드 제한</translation>
    </message>
    <message>
        <source>&amp;Upload limit:</source>
        <translation>업로드 제한(&amp;U):</translation>
    </message>
    <message>
        <source>Do&amp;wnload limit:</source>
        <translation>다운로드 제한(&amp;W):</translation>
    </message>
    <message>
        <source>Listen address and port</source>
        <translation>수신 주소와 포트</translation>
    </message>
    <message>
        <source>The address and port other peers connect to, e.g. 0.0.0.0:6881 (all interfaces).</source>
        <translation>다른 피어가 접속하는 주소와 포트입니다. 예: 0.0.0.0:6881(모든 인터페이스).</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>수신 주소(&amp;L):</translation>
    </message>
    <message>
        <source>Start &amp;minimised to the tray</source>
        <translation>트레이로 최소화한 상태로 시작(&amp;M)</translation>
    </message>
    <message>
        <source>Start at lo&amp;gin</source>
        <translation>로그인할 때 시작(&amp;G)</translation>
    </message>
    <message>
        <source>Tray:</source>
        <translation>트레이:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>설정을 %1에 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Run the services on this &amp;computer (embedded, for this machine and the LAN)</source>
        <translation>이 컴퓨터에서 서비스 실행(내장, 이 컴퓨터와 LAN용)(&amp;C)</translation>
    </message>
    <message>
        <source>Use a &amp;provider:</source>
        <translation>서비스 제공자 사용(&amp;P):</translation>
    </message>
    <message>
        <source>Closing the window &amp;keeps mp2p running in the tray</source>
        <translation>창을 닫아도 mp2p를 트레이에서 계속 실행(&amp;K)</translation>
    </message>
    <message>
        <source>L&amp;anguage (after restart):</source>
        <translation>언어(다시 시작 후 적용)(&amp;A):</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>예약:</translation>
    </message>
    <message>
        <source>Use &amp;alternative limits between</source>
        <translation>대체 제한 사용 시간(&amp;A):</translation>
    </message>
    <message>
        <source>Use alternative limits during the scheduled hours</source>
        <translation>예약된 시간 동안 대체 제한 사용</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>시</translation>
    </message>
    <message>
        <source>Schedule starts at hour</source>
        <translation>예약 시작 시각</translation>
    </message>
    <message>
        <source>Schedule ends at hour</source>
        <translation>예약 종료 시각</translation>
    </message>
    <message>
        <source>Alternative upload limit</source>
        <translation>대체 업로드 제한</translation>
    </message>
    <message>
        <source>Alternative download limit</source>
        <translation>대체 다운로드 제한</translation>
    </message>
    <message>
        <source>and</source>
        <translation>~</translation>
    </message>
    <message>
        <source>Upload:</source>
        <translation>업로드:</translation>
    </message>
    <message>
        <source>Download:</source>
        <translation>다운로드:</translation>
    </message>
</context>
<context>
    <name>mp2p::SettingsValidator</name>
    <message>
        <source>Enter the provider&apos;s address, for example https://p2p.example.org.</source>
        <translation>서비스 제공자 주소를 입력하세요. 예: https://p2p.example.org</translation>
    </message>
    <message>
        <source>This is not a valid address. Use the form https://host[:port].</source>
        <translation>올바른 주소가 아닙니다. https://호스트[:포트] 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>주소는 http:// 또는 https://로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>Choose a folder for downloads.</source>
        <translation>다운로드할 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>Use a full path (starting with /), not a relative one.</source>
        <translation>상대 경로가 아닌 전체 경로(/로 시작)를 쓰세요.</translation>
    </message>
    <message>
        <source>This folder cannot be created: part of the path is a file.</source>
        <translation>이 폴더를 만들 수 없습니다. 경로 중간에 파일이 있습니다.</translation>
    </message>
    <message>
        <source>This folder is not writable. Choose one you own.</source>
        <translation>이 폴더에 쓸 수 없습니다. 내가 소유한 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>A limit cannot be negative. Use 0 for unlimited.</source>
        <translation>제한 값은 음수일 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <source>A limit above %1 KiB/s is not possible. Use 0 for unlimited.</source>
        <translation>%1 KiB/s보다 큰 제한은 쓸 수 없습니다. 무제한은 0을 쓰세요.</translation>
    </message>
    <message>
        <source>Use an IP address and a port, such as 0.0.0.0:6881 or [::]:6881.</source>
        <translation>IP 주소와 포트를 쓰세요. 예: 0.0.0.0:6881 또는 [::]:6881</translation>
    </message>
    <message>
        <source>The port must be a number from 0 to 65535 (0 picks a free port).</source>
        <translation>포트는 0부터 65535까지의 숫자여야 합니다(0은 빈 포트를 자동으로 고릅니다).</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>목록에서 언어를 고르세요.</translation>
    </message>
    <message>
        <source>Hours go from 0 to 23.</source>
        <translation>시각은 0부터 23까지입니다.</translation>
    </message>
    <message>
        <source>The schedule starts and ends at the same hour. Choose two different hours.</source>
        <translation>예약 시작과 종료 시각이 같습니다. 서로 다른 두 시각을 고르세요.</translation>
    </message>
</context>
<context>
    <name>mp2p::SingleInstance</name>
    <message>
        <source>mp2p is already running.</source>
        <translation>mp2p가 이미 실행 중입니다.</translation>
    </message>
    <message>
        <source>Cannot open the local socket %1: %2</source>
        <translation>로컬 소켓 %1을(를) 열 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>mp2p::SpeedGraph</name>
    <message>
        <source>Download (KiB/s)</source>
        <translation>다운로드(KiB/s)</translation>
    </message>
    <message>
        <source>Upload (KiB/s)</source>
        <translation>업로드(KiB/s)</translation>
    </message>
    <message>
        <source>Speed graph</source>
        <translation>속도 그래프</translation>
    </message>
</context>
<context>
    <name>mp2p::TransferFilterModel</name>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>받는 중</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>시딩 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
</context>
<context>
    <name>mp2p::TransferModel</name>
    <message>
        <source>Checking</source>
        <translation>확인 중</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>받는 중</translation>
    </message>
    <message>
        <source>Seeding</source>
        <translation>시딩 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>%1 (%2 seeds)</source>
        <translation>%1 (시드 %2개)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>받기</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>남은 시간</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>피어</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>비율</translation>
    </message>
</context>
<context>
    <name>mp2p::TransfersView</name>
    <message>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>다시 시작(&amp;R)</translation>
    </message>
    <message>
        <source>Pause/Resume</source>
        <translation>일시 정지/다시 시작</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>제거(&amp;M)…</translation>
    </message>
    <message>
        <source>P&amp;lay</source>
        <translation>재생(&amp;L)</translation>
    </message>
    <message>
        <source>Transfer filter</source>
        <translation>전송 필터</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>전송</translation>
    </message>
    <message>
        <source>Pause the selected transfers</source>
        <translation>선택한 전송을 일시 정지합니다</translation>
    </message>
    <message>
        <source>Resume the selected transfers</source>
        <translation>선택한 전송을 다시 시작합니다</translation>
    </message>
    <message>
        <source>Remove the selected transfers</source>
        <translation>선택한 전송을 제거합니다</translation>
    </message>
    <message>
        <source>Play the transfer&apos;s largest file while it downloads</source>
        <translation>전송에서 가장 큰 파일을 받는 동안 재생합니다</translation>
    </message>
    <message>
        <source>Transfer actions</source>
        <translation>전송 작업</translation>
    </message>
    <message>
        <source>Remove transfers</source>
        <translation>전송 제거</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n transfer(s)?</source>
        <translation>
            <numerusform>전송 %n개를 제거할까요?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove, keep the files</source>
        <translation>제거하고 파일은 남기기</translation>
    </message>
    <message>
        <source>Remove and delete the files</source>
        <translation>제거하고 파일도 삭제</translation>
    </message>
</context>
<context>
    <name>mp2p::TrayController</name>
    <message>
        <source>mp2p tray menu</source>
        <translation>mp2p 트레이 메뉴</translation>
    </message>
    <message>
        <source>&amp;Show window</source>
        <translation>창 보이기(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause all</source>
        <translation>모두 일시 정지(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume all</source>
        <translation>모두 재개(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>mp2p: sharing in the background</source>
        <translation>mp2p: 백그라운드에서 공유 중</translation>
    </message>
    <message>
        <source>mp2p keeps running</source>
        <translation>mp2p가 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>mp2p is still sharing in the background. Use the tray icon to open it again, or Quit to stop.</source>
        <translation>mp2p가 백그라운드에서 계속 공유하고 있습니다. 트레이 아이콘으로 다시 열거나, 끝내기로 종료하세요.</translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation>다운로드 완료</translation>
    </message>
    <message>
        <source>%1 has finished downloading and is now being shared.</source>
        <translation>%1 다운로드가 끝났으며 이제 공유 중입니다.</translation>
    </message>
    <message>
        <source>&amp;Hide window</source>
        <translation>창 숨기기(&amp;H)</translation>
    </message>
</context>
</TS>

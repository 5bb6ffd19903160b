import '../../components/shared/theme.css';
import { CoachPopup } from '../../components/popup/CoachPopup';
import { mountRolePopup } from '../../components/popup/mountRolePopup';

mountRolePopup('coach', (props) => <CoachPopup {...props} />);

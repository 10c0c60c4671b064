import '../core/zod-jitless';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/main';
import '../i18n/manager';

export default defineBackground(() => startBackground());

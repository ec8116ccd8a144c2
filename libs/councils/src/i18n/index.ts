import { registerMessages } from '@chartuloba/platform';
import { az } from './az';
import { en } from './en';
import { hy } from './hy';
import { ka } from './ka';

registerMessages('councils', { ka, az, hy, en });
